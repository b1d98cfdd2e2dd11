package dev.hotfixlog.notify;

import dev.hotfixlog.hotfix.HotfixId;
import java.util.List;

/**
 * The communication templates and their deliveries; the CLI, the REST API and the pages all call this.
 * {@link LocalNotifyService} works on the database, {@link NotifyApiClient} on a server's REST API.
 */
public interface NotifyService {
    /** The message {@code kind} (alert, complete or stakeholder) rendered from the record as it is now. */
    Preview preview(HotfixId id, MessageKind kind, String eta);

    /**
     * Queues the message for every channel that takes it. {@code requestKey} makes a repeat of the same request
     * (a double click, a retry) queue nothing new; null means every call sends. Refused with a
     * {@code ConflictException} when no channel takes this message for this record's severity.
     */
    List<Delivery> send(HotfixId id, MessageKind kind, String eta, String actor, String requestKey);

    /** Every message queued for the record, newest first, with how its delivery went. */
    List<Delivery> deliveries(HotfixId id);
}
