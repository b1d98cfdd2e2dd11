package dev.hotfixlog.hotfix;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A moment another feature knows of a record, drawn on its page's timeline: an incoming alert that raised it, a
 * deploy suspected of causing it or confirmed as its fix. The record feature does not know those features; they
 * hand their marks in through {@link RecordPanels#marks}.
 *
 * @param at    when it happened
 * @param kind  what it is
 * @param label what a person reads ("alertmanager/prod: CheckoutErrors", "checkout 2026.10.4 — the fix")
 * @param href  where it is shown in full (a path on this server), or null
 */
public record TimelineMark(Instant at, Kind kind, String label, String href) {
    /** What a mark stands for. */
    public enum Kind {
        ALERT,
        DEPLOY;

        /** Its word in the page's classes ({@code tl-alert}). */
        public String css() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TimelineMark {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }
}
