package dev.hotfixlog.incoming;

import dev.hotfixlog.security.Integration;

/** Where a verified delivery of an alert format goes; the server's only. */
public interface AlertIntake {
    /**
     * Reads the notification in the format of its integration's kind (every error before anything is written) and files
     * it: under the group's live incoming alert, or a new one. The raw body is kept, redacted.
     */
    Receipt receive(Integration from, String body);

    /** What became of a delivery. */
    record Receipt(long id, IncomingAlert.State state, boolean opened, String hotfixId, String repeatOf) {
        public String ref() {
            return "ALERT-" + id;
        }
    }
}
