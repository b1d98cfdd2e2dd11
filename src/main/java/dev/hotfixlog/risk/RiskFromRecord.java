package dev.hotfixlog.risk;

import dev.hotfixlog.hotfix.FollowUp;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.RecordChange;
import dev.hotfixlog.hotfix.RecordListener;
import dev.hotfixlog.hotfix.web.HotfixView;
import dev.hotfixlog.security.SecretRedactor;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Keeps the register in step with the records, in the record's own transaction: a hotfix's Risk Accepted becomes
 * its risk (declared, edited or imported), a changed text changes the risk's statement, a cleared one retires it
 * (and setting it again reopens it), and the hotfix's proper-fix follow-up done retires every risk the hotfix
 * accepted, "by its proper fix". A deleted hotfix takes its risks with it (the foreign key). The record's texts
 * arrive already masked.
 */
public final class RiskFromRecord implements RecordListener {
    static final String CLEARED = "Risk Accepted cleared on ";
    static final String FIXED = "the proper fix is done: ";
    private final Clock clock;
    private final ReviewPeriods periods;
    private final SecretRedactor redactor;
    private final RiskRepository repo = new RiskRepository();

    public RiskFromRecord(Clock clock, ReviewPeriods periods, SecretRedactor redactor) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.periods = Objects.requireNonNull(periods, "periods");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    @Override
    public void onChange(Handle h, RecordChange change) {
        if (change.kind() == RecordChange.Kind.DELETED) {
            return;
        }
        Hotfix after = change.after();
        Hotfix before = change.before();
        String text = blankToNull(after.values().text("riskAccepted"));
        boolean fixed = after.followUps().get(FollowUpKind.PROPER_FIX).done();
        boolean wasFixed = before != null
                && before.followUps().get(FollowUpKind.PROPER_FIX).done();
        // Most writes touch neither Risk Accepted nor the proper fix: they cost the register no query.
        boolean unchanged = before != null
                ? Objects.equals(text, blankToNull(before.values().text("riskAccepted")))
                : text == null;
        if (unchanged && fixed == wasFixed) {
            return;
        }
        String id = after.id().toString();
        String actor = redactor.redact(change.actor()).text();
        long now = clock.millis();
        Optional<Risk> kept = repo.fromRecord(h, id);
        if (text != null && kept.isEmpty()) {
            accept(h, change, text, actor, now);
        } else if (text != null) {
            followText(h, kept.get(), after, text, actor, now);
        } else if (kept.isPresent() && kept.get().state() != RiskState.RETIRED) {
            update(h, retired(kept.get(), now, CLEARED + id, false), now, actor, "retired", CLEARED + id);
        }
        if (fixed && !wasFixed) {
            retireByProperFix(h, id, actor, now);
        }
    }

    /** A Risk Accepted text on a record with no risk yet: the risk is accepted now, or when an import says. */
    private void accept(Handle h, RecordChange change, String text, String actor, long now) {
        Hotfix after = change.after();
        String id = after.id().toString();
        // An imported record brings its own history: its risk was accepted when its emergency was (the
        // record's Date/Time), not when the page was read in.
        Instant detected = after.timeline().detectedAt();
        long acceptedAt =
                change.kind() == RecordChange.Kind.IMPORTED && detected != null ? detected.toEpochMilli() : now;
        long reviewBy = acceptedAt + periods.of(after.severity()).toMillis();
        FollowUp properFix = after.followUps().get(FollowUpKind.PROPER_FIX);
        long made = repo.insert(
                h,
                new RiskRepository.Row(
                        id,
                        true,
                        text,
                        after.owner(),
                        actor,
                        RiskDecision.ACCEPT,
                        null,
                        properFix.description() != null ? properFix.description() : "the proper-fix follow-up of " + id,
                        reviewBy,
                        acceptedAt));
        repo.event(
                h,
                made,
                now,
                actor,
                "accepted",
                "from " + id + "'s Risk Accepted; review by " + HotfixView.time(Instant.ofEpochMilli(reviewBy)));
    }

    /**
     * A Risk Accepted text on a record that has its risk: set again after being cleared reopens it, a changed text
     * changes its statement.
     */
    private void followText(Handle h, Risk r, Hotfix after, String text, String actor, long now) {
        String id = after.id().toString();
        boolean reopen = r.state() == RiskState.RETIRED
                && r.retireReason() != null
                && r.retireReason().startsWith(CLEARED);
        if (reopen) {
            Instant reviewBy = Instant.ofEpochMilli(now).plus(periods.of(after.severity()));
            update(
                    h,
                    LocalRiskService.with(r, text, r.controls(), reviewBy, RiskState.OPEN, null, null, false),
                    now,
                    actor,
                    "reaccepted",
                    "Risk Accepted set again on " + id + "; review by " + HotfixView.time(reviewBy));
        } else if (!text.equals(r.statement())) {
            update(
                    h,
                    LocalRiskService.with(
                            r,
                            text,
                            r.controls(),
                            r.reviewBy(),
                            r.state(),
                            r.retiredAt(),
                            r.retireReason(),
                            r.retiredByFix()),
                    now,
                    actor,
                    "edited",
                    "statement: " + r.statement() + " → " + text);
        }
    }

    /** The hotfix's proper fix just got done: every risk it accepted that is still open is retired by it. */
    private void retireByProperFix(Handle h, String id, String actor, long now) {
        String reason = FIXED + id + "'s proper-fix follow-up";
        for (Risk r : repo.ofHotfix(h, id)) {
            if (r.state() != RiskState.RETIRED) {
                update(h, retired(r, now, reason, true), now, actor, "retired", reason);
            }
        }
    }

    private static Risk retired(Risk r, long now, String reason, boolean byFix) {
        return LocalRiskService.with(
                r,
                r.statement(),
                r.controls(),
                r.reviewBy(),
                RiskState.RETIRED,
                Instant.ofEpochMilli(now),
                reason,
                byFix);
    }

    private void update(Handle h, Risk next, long now, String actor, String action, String detail) {
        if (!repo.update(h, next, now)) {
            throw new IllegalStateException(next.key() + " changed inside its record's own transaction");
        }
        repo.event(h, next.id(), now, actor, action, detail);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
