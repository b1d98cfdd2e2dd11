package dev.hotfixlog.incoming;

import dev.hotfixlog.error.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An alert group the monitoring sent, before (and after) a person decides what it is.
 *
 * @param id           its number
 * @param integration  which integration it came through ({@code alertmanager/prod})
 * @param title        what it is called: the group's summary or alert name
 * @param severity     the group's {@code severity} label, or null
 * @param systems      values of the integration's system labels
 * @param links        source, dashboard, runbook… (label → http(s) URL)
 * @param state        open, declared or dismissed
 * @param firing       alerts firing now
 * @param alerts       alerts seen in the group
 * @param startedAt    the earliest {@code startsAt}: detection
 * @param firstAt      when its first notification arrived: the alert
 * @param lastAt       when its latest notification arrived
 * @param clearedAt    when every alert of the group had resolved, or null while any fires
 * @param deliveries   notifications received, repeats included
 * @param hotfixId     the hotfix declared from it, or null
 * @param repeatOf     the completed hotfix this group fired again after, or null
 * @param outcome      how it was decided, or null while open
 * @param outcomeNote  what the person said (the original of a duplicate), or null
 * @param decidedBy    who decided, or null
 * @param decidedAt    when, or null
 * @param items        its alerts (on {@code get}; empty in lists)
 * @param received     its deliveries, newest first (on {@code get}; empty in lists)
 */
public record IncomingAlert(
        long id,
        String integration,
        String title,
        String severity,
        List<String> systems,
        Map<String, String> links,
        State state,
        int firing,
        int alerts,
        Instant startedAt,
        Instant firstAt,
        Instant lastAt,
        Instant clearedAt,
        int deliveries,
        String hotfixId,
        String repeatOf,
        Outcome outcome,
        String outcomeNote,
        String decidedBy,
        Instant decidedAt,
        List<Item> items,
        List<Delivery> received) {
    public IncomingAlert {
        systems = List.copyOf(systems);
        links = Map.copyOf(links);
        items = List.copyOf(items);
        received = List.copyOf(received);
    }

    /** Where it stands: waiting for a person, declared a hotfix, or dismissed. */
    public enum State {
        OPEN,
        DECLARED,
        DISMISSED;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State parse(String field, String text) {
            for (State s : values()) {
                if (s.json().equals(text)) {
                    return s;
                }
            }
            throw ValidationException.of(field, "'" + text + "' is not a state; use open, " + "declared or dismissed");
        }
    }

    /** How people refer to it: {@code ALERT-12}. */
    public String ref() {
        return "ALERT-" + id;
    }

    public boolean cleared() {
        return clearedAt != null;
    }

    /** One alert of the group: its latest word. */
    public record Item(
            String fingerprint,
            String name,
            String status,
            Instant startsAt,
            Instant endsAt,
            String generatorUrl,
            Map<String, String> labels,
            Map<String, String> annotations) {
        public Item {
            labels = Map.copyOf(labels);
            annotations = Map.copyOf(annotations);
        }
    }

    /** One distinct notification body (redacted), and how often and when it came. */
    public record Delivery(String status, String body, Instant firstAt, Instant lastAt, int times) {}
}
