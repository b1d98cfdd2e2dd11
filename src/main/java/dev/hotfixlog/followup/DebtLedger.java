package dev.hotfixlog.followup;

import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Hotfix debt: every hotfix is a loan against the codebase from the moment its fix went out until its proper fix
 * is done. {@code open} lists every loan still outstanding, oldest first, however old; {@code months} says,
 * month by month, how much was outstanding at the month's end, how much was taken and how much repaid.
 */
public record DebtLedger(Instant asOf, List<Loan> open, List<Month> months) {
    public DebtLedger {
        open = List.copyOf(open);
        months = List.copyOf(months);
    }

    /** growing, shrinking or steady: outstanding now against the end of last month. */
    public String trend() {
        if (months.size() < 2) {
            return "steady";
        }
        long now = months.get(months.size() - 1).outstanding();
        long before = months.get(months.size() - 2).outstanding();
        return now > before ? "growing" : now < before ? "shrinking" : "steady";
    }

    /** One outstanding proper fix. */
    public record Loan(
            HotfixId hotfixId,
            String title,
            Severity severity,
            Instant since,
            String properFix,
            String owner,
            String link,
            Instant dueAt) {
        public Duration age(Instant now) {
            return Duration.between(since, now);
        }

        public boolean overdue(Instant now) {
            return dueAt != null && !dueAt.isAfter(now);
        }
    }

    /** A calendar month (UTC): loans outstanding at its end (now, for this month), taken and repaid in it. */
    public record Month(String month, long outstanding, long taken, long repaid) {}
}
