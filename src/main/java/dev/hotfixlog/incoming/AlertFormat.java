package dev.hotfixlog.incoming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.security.SenderKind;

/**
 * One format of alert notification, whole: its name (in {@code HOTFIX_INTEGRATIONS} and in its URL
 * {@code /api/v1/ingest/<name>/{name}}), how its sender proves itself, and how its body becomes an
 * {@link AlertBatch}. Adding a format is one class implementing this and one line in {@code App}'s list; the
 * routes, the integrations and the intake take the list {@code App} hands them.
 */
public interface AlertFormat {
    /** Its word in {@code HOTFIX_INTEGRATIONS} and its part of the URL: a-z, 0-9 and -. */
    String name();

    /** How its sender is verified: a bearer or basic secret always, its own signature header if it signs. */
    SenderKind sender();

    /**
     * The notification's alerts, every bound applied while reading; a body it cannot read is a
     * {@link dev.hotfixlog.error.ValidationException} naming the field. The document's texts are already masked.
     */
    AlertBatch read(ObjectNode document);
}
