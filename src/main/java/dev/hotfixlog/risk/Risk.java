package dev.hotfixlog.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One accepted risk: what was accepted on which hotfix, by whom, what stands in for the proper fix meanwhile
 * ({@code controls}), what retires it ({@code properFix}), and when it must be looked at again. {@code fromRecord}:
 * kept in step with the hotfix's Risk Accepted (one a hotfix); otherwise added by hand. {@code state} is the
 * stored one (open, mitigated, retired); {@link #standing} adds expiry.
 */
public record Risk(
        long id,
        String hotfixId,
        boolean fromRecord,
        String statement,
        String owner,
        String acceptedBy,
        RiskDecision decision,
        String controls,
        String properFix,
        Instant reviewBy,
        RiskState state,
        Instant acceptedAt,
        Instant retiredAt,
        String retireReason,
        boolean retiredByFix,
        List<String> systems,
        int version) {
    public Risk {
        Objects.requireNonNull(hotfixId, "hotfixId");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reviewBy, "reviewBy");
        Objects.requireNonNull(state, "state");
        if (state == RiskState.EXPIRED) {
            throw new IllegalArgumentException("expired is read, never stored");
        }
        systems = systems == null ? List.of() : List.copyOf(systems);
    }

    /** "RISK-7". */
    public String key() {
        return "RISK-" + id;
    }

    /** The stored state, or expired when it is still open or mitigated past its review date. */
    public RiskState standing(Instant now) {
        return state != RiskState.RETIRED && now.isAfter(reviewBy) ? RiskState.EXPIRED : state;
    }

    /** How long it has been accepted, until now or until it was retired. */
    public Duration age(Instant now) {
        return Duration.between(acceptedAt, retiredAt != null ? retiredAt : now);
    }

    /** The same risk under another id (a page's risk matched to, or added as, one of this log's). */
    public Risk withId(long newId) {
        return new Risk(
                newId,
                hotfixId,
                fromRecord,
                statement,
                owner,
                acceptedBy,
                decision,
                controls,
                properFix,
                reviewBy,
                state,
                acceptedAt,
                retiredAt,
                retireReason,
                retiredByFix,
                systems,
                version);
    }

    /** The same risk with the systems of its hotfix, as a read joins them in. */
    public Risk withSystems(List<String> newSystems) {
        return new Risk(
                id,
                hotfixId,
                fromRecord,
                statement,
                owner,
                acceptedBy,
                decision,
                controls,
                properFix,
                reviewBy,
                state,
                acceptedAt,
                retiredAt,
                retireReason,
                retiredByFix,
                newSystems,
                version);
    }
}
