package dev.hotfixlog.hotfix.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.Redaction;
import dev.hotfixlog.security.SecretRedactor;
import java.time.Instant;
import java.util.List;

/**
 * Masks secrets in every text of an incoming create or edit before anything is validated, stored, diffed into
 * the history or echoed back: the secret never reaches the database.
 */
final class Redacting {
    private final SecretRedactor redactor;

    public Redacting(SecretRedactor redactor) {
        this.redactor = redactor;
    }

    /** Masks {@code document} in place and returns where secrets were found. */
    public List<Redaction> maskInPlace(ObjectNode document, Instant at) {
        return redactor.maskInPlace(document).stream()
                .map(m -> new Redaction(m.path(), m.kind(), at))
                .toList();
    }
}
