package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A typed edit for callers in this process: one moment of the timeline set to a time, or cleared with null (the
 * monitoring's "alerts cleared at", a confirmed deploy's time). The service applies it to the record itself, under
 * the same rules, stamps and history as the merge patch it stands for, without a document assembled by hand and
 * read back; a service over HTTP sends that merge patch ({@link #asPatch}).
 */
public record RecordEdit(Moment moment, Instant at) {
    /** The moments a feature may set, by their API names. */
    public enum Moment {
        DETECTED("detectedAt"),
        ALERTED("alertedAt"),
        FIX_DEPLOYED("fixDeployedAt"),
        RESOLVED("resolvedAt"),
        ALERTS_CLEARED("alertsClearedAt");

        private final String json;

        Moment(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** {@code at} is kept to the millisecond, as the record stores it. */
    public RecordEdit {
        Objects.requireNonNull(moment, "moment");
        at = at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }

    public static RecordEdit set(Moment moment, Instant at) {
        return new RecordEdit(moment, at);
    }

    /** Whether {@code h} already holds this value: such an edit would change nothing. */
    public boolean isHeldBy(Hotfix h) {
        return Objects.equals(get(h.timeline()), at);
    }

    /** {@code t} with this moment set (the record's rules are checked when a record is built with it). */
    public Timeline applyTo(Timeline t) {
        return switch (moment) {
            case DETECTED -> t.withDetectedAt(at);
            case ALERTED -> t.withAlertedAt(at);
            case FIX_DEPLOYED -> t.withFixDeployedAt(at);
            case RESOLVED -> t.withResolvedAt(at);
            case ALERTS_CLEARED ->
                new Timeline(
                        t.detectedAt(), t.alertedAt(), t.fixDeployedAt(), t.resolvedAt(), t.explicitDuration(), at);
        };
    }

    /** The merge patch this edit stands for: {@code {"alertsClearedAt": "…"}}, or the member null to clear it. */
    public MergePatch asPatch() {
        ObjectNode patch = Json.object();
        if (at == null) {
            patch.putNull(moment.json());
        } else {
            patch.put(moment.json(), at.toString());
        }
        return MergePatch.of(patch);
    }

    private Instant get(Timeline t) {
        return switch (moment) {
            case DETECTED -> t.detectedAt();
            case ALERTED -> t.alertedAt();
            case FIX_DEPLOYED -> t.fixDeployedAt();
            case RESOLVED -> t.resolvedAt();
            case ALERTS_CLEARED -> t.alertsClearedAt();
        };
    }
}
