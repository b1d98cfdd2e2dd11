package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.internal.HotfixRules;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One emergency change, every field of the seed template (001) plus the legible write-up (000).
 *
 * <p>Immutable. A value that breaks a rule cannot be built: the compact constructor lists every violated rule
 * at once ({@link HotfixRules}) so an API caller sees all its bad fields in one answer. {@code steps} and
 * {@code followUps} always hold every kind, in process order. {@code redactions} notes where secrets were
 * masked on save (never the secrets).
 */
public record Hotfix(
        HotfixId id,
        String title,
        Severity severity,
        String owner,
        List<String> systemsAffected,
        Timeline timeline,
        Status status,
        Triage triage,
        Map<StepKind, Step> steps,
        Map<FollowUpKind, FollowUp> followUps,
        FieldValues values,
        FieldValues fields,
        int version,
        Instant createdAt,
        Instant updatedAt,
        List<Redaction> redactions) {

    public Hotfix {
        systemsAffected = systemsAffected == null ? List.of() : List.copyOf(systemsAffected);
        timeline = timeline == null ? Timeline.EMPTY : timeline;
        triage = triage == null ? Triage.UNANSWERED : triage;
        values = values == null ? FieldValues.EMPTY : values;
        fields = fields == null ? FieldValues.EMPTY : fields;
        steps = complete(steps, StepKind.class, Step.OPEN);
        followUps = complete(followUps, FollowUpKind.class, FollowUp.OPEN);
        redactions = redactions == null ? List.of() : List.copyOf(redactions);
        List<FieldError> errors = HotfixRules.violations(
                title, severity, owner, systemsAffected, values, timeline, status, steps, followUps);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** A plain field's text ({@link RecordFields}), or null when it has none. */
    public String text(String field) {
        return values.text(field);
    }

    private static <K extends Enum<K>, V> Map<K, V> complete(Map<K, V> given, Class<K> type, V open) {
        EnumMap<K, V> all = new EnumMap<>(type);
        for (K k : type.getEnumConstants()) {
            V v = given == null ? null : given.get(k);
            all.put(k, v == null ? open : v);
        }
        return Collections.unmodifiableMap(all);
    }

    /** The next step of the process that is not done yet, or null when all are done. */
    public StepKind nextStep() {
        for (Map.Entry<StepKind, Step> e : steps.entrySet()) {
            if (!e.getValue().done()) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The same record under another id and version; used when a draft receives its number. */
    public Hotfix withIdentity(HotfixId newId, int newVersion, Instant created, Instant updated) {
        return new Hotfix(
                newId,
                title,
                severity,
                owner,
                systemsAffected,
                timeline,
                status,
                triage,
                steps,
                followUps,
                values,
                fields,
                newVersion,
                created,
                updated,
                redactions);
    }

    /** The same record with other values of the team's own fields ({@link CustomFields}). */
    public Hotfix withFields(FieldValues teamFields) {
        return new Hotfix(
                id,
                title,
                severity,
                owner,
                systemsAffected,
                timeline,
                status,
                triage,
                steps,
                followUps,
                values,
                teamFields,
                version,
                createdAt,
                updatedAt,
                redactions);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** For the few places that derive one record from another (lifecycle events, edits). */
    public static final class Builder {
        private final Hotfix base;
        private Timeline timeline;
        private Status status;
        private final EnumMap<StepKind, Step> steps;
        private final EnumMap<FollowUpKind, FollowUp> followUps;
        private int version;
        private Instant updatedAt;

        private Builder(Hotfix base) {
            this.base = base;
            this.timeline = base.timeline;
            this.status = base.status;
            this.steps = new EnumMap<>(base.steps);
            this.followUps = new EnumMap<>(base.followUps);
            this.version = base.version;
            this.updatedAt = base.updatedAt;
        }

        public Builder timeline(Timeline t) {
            this.timeline = t;
            return this;
        }

        public Builder status(Status s) {
            this.status = s;
            return this;
        }

        public Builder step(StepKind kind, Step step) {
            steps.put(kind, step);
            return this;
        }

        public Builder followUp(FollowUpKind kind, FollowUp followUp) {
            followUps.put(kind, followUp);
            return this;
        }

        public Builder version(int v) {
            this.version = v;
            return this;
        }

        public Builder updatedAt(Instant at) {
            this.updatedAt = at;
            return this;
        }

        public Hotfix build() {
            return new Hotfix(
                    base.id,
                    base.title,
                    base.severity,
                    base.owner,
                    base.systemsAffected,
                    timeline,
                    status,
                    base.triage,
                    steps,
                    followUps,
                    base.values,
                    base.fields,
                    version,
                    base.createdAt,
                    updatedAt,
                    base.redactions);
        }
    }
}
