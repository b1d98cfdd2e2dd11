package dev.hotfixlog.incoming;

import dev.hotfixlog.security.Integration;

/** Where a verified delivery from Alertmanager or Grafana goes; the server's only. */
public interface AlertIntake {
    /**
     * Reads the notification (every error before anything is written) and files it: under the group's live
     * incoming alert, or a new one. The raw body is kept, redacted.
     */
    Receipt receive(Integration from, String body);

    /** What became of a delivery. */
    record Receipt(long id, IncomingAlert.State state, boolean opened, String hotfixId, String repeatOf) {
        public String ref() {
            return "ALERT-" + id;
        }
    }
}
