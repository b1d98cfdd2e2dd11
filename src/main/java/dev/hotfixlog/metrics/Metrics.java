package dev.hotfixlog.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The seed's success metrics for one period, computed from the records (the warning signs are about now, not a
 * period: {@link MetricsService#signs()}). A hotfix belongs to the period in which
 * it was detected (an incident that spans a month boundary counts once, in the month it began); months and
 * quarters are calendar periods in the query's time zone.
 *
 * @param hotfixes  hotfixes detected in the period
 * @param undated   hotfixes with no detection time at all (imported without one); in no period
 * @param response  by severity ({@code all}, {@code critical}, {@code high}, {@code medium})
 * @param months    the period's months (the last {@value MonthFigures#MAX_MONTHS} at most), for the charts; empty
 *                  where they were not computed (a remote server's answer)
 * @param before    the same figures over the period of equal length just before, for the trends; null where not
 *                  computed
 */
public record Metrics(
        Instant from,
        Instant to,
        String zone,
        long hotfixes,
        long undated,
        Map<String, ResponseTimes> response,
        LearningVelocity learning,
        TeamHealth health,
        List<TypeCount> types,
        Map<String, Map<String, Long>> byField,
        Delivery delivery,
        Risks risks,
        List<Month> months,
        Before before) {

    public Metrics {
        byField = byField == null ? Map.of() : byField;
        delivery = delivery == null ? Delivery.NONE : delivery;
        risks = risks == null ? Risks.NONE : risks;
        months = months == null ? List.of() : List.copyOf(months);
    }

    /** Without months and the period before: what a remote server's JSON carries. */
    public Metrics(
            Instant from,
            Instant to,
            String zone,
            long hotfixes,
            long undated,
            Map<String, ResponseTimes> response,
            LearningVelocity learning,
            TeamHealth health,
            List<TypeCount> types,
            Map<String, Map<String, Long>> byField,
            Delivery delivery,
            Risks risks) {
        this(
                from, to, zone, hotfixes, undated, response, learning, health, types, byField, delivery, risks, null,
                null);
    }

    /**
     * One calendar month of the period (the first and last may be partial): hotfixes detected in it by severity
     * ({@code critical}, {@code high}, {@code medium}, {@code notStated}), the three response times over all
     * severities, its post-mortems due and done within 48 h, its repeats, and its production deploys with those
     * confirmed as a hotfix's cause and the time to restore (detection → fix deployed) of its hotfixes.
     */
    public record Month(
            String period,
            boolean complete,
            long hotfixes,
            Map<String, Long> bySeverity,
            ResponseTimes response,
            long postmortemsDue,
            long postmortemsOnTime,
            long repeats,
            long deploys,
            long failedDeploys,
            DurationStats timeToRestore) {
        public Month {
            bySeverity = Map.copyOf(bySeverity);
        }
    }

    /**
     * The seed's metrics over the period of equal length just before this one (from {@code from} to this one's
     * start): what the dashboard's tiles compare with.
     */
    public record Before(
            Instant from,
            long hotfixes,
            ResponseTimes response,
            Double postmortemShare,
            Double preventionRate,
            long processImprovements,
            Double repeatShare,
            Double confidenceAverage) {}

    /**
     * The risk register: accepted risks open at the period's end (or now) by age and by system; in the period,
     * risks retired by their proper fix, retired otherwise, and expired (past review while open), and the mean
     * age in days of those retired.
     */
    public record Risks(
            long open,
            Map<String, Long> openByAge,
            Map<String, Long> openBySystem,
            long retiredByFix,
            long retiredOtherwise,
            long expired,
            Double meanDaysToRetire) {
        static final Risks NONE = new Risks(0, Map.of(), Map.of(), 0, 0, 0, null);
    }

    /**
     * Deploys and incoming alerts in the period (DORA's figures): for the team and per system, and incoming
     * alerts by outcome ({@code open}, {@code declared}, {@code not-a-hotfix}, {@code noise}, {@code duplicate})
     * with how many fired again after their hotfix was completed.
     */
    public record Delivery(Flow team, Map<String, Flow> bySystem, Map<String, Long> incoming, long incomingRepeats) {
        static final Delivery NONE = new Delivery(
                new Flow(0, null, 0, null, new DurationStats(0, null, null, 0, Targets.TOTAL_SECONDS)),
                Map.of(),
                Map.of(),
                0);
    }

    /**
     * Deployment frequency (production deploys, and per week), change failure rate (deploys confirmed as a
     * hotfix's cause ÷ deploys), time to restore (detection → fix deployed; median and p90).
     */
    public record Flow(
            long deploys,
            Double deploysPerWeek,
            long failedDeploys,
            Double changeFailureRate,
            DurationStats timeToRestore) {}

    /** Detection → alert (target under 5 min), alert → fix deployed (under 30), detection → resolved (under 60). */
    public record ResponseTimes(DurationStats detectionToAlert, DurationStats alertToFix, DurationStats total) {}

    /**
     * Post-mortems done within 48 h of resolution (target 100%): of the resolved hotfixes whose 48 h are over or
     * whose post-mortem is done; one ticked without a time (imported) counts as on time. Process improvements
     * done per quarter. Prevention rate: of the process improvements ticked in the period on hotfixes with an
     * emergency type, whose {@value Targets#REPEAT_WINDOW_DAYS}-day watch after the tick is over (or already
     * broken), the share with no new hotfix of the same type within that watch.
     */
    public record LearningVelocity(
            long postmortemsDue,
            long postmortemsOnTime,
            Double postmortemShare,
            List<PeriodCount> processImprovementsPerQuarter,
            long preventionsWatched,
            long preventionsHeld,
            Double preventionRate) {}

    /**
     * Hotfixes per month with the trend of the last two months; repeats (a hotfix with the same emergency type
     * and at least one affected system as another detected up to {@value Targets#REPEAT_WINDOW_DAYS} days
     * before it) as a share of all hotfixes (target under 10%); team confidence ratings (1–5) given.
     */
    public record TeamHealth(
            List<PeriodCount> perMonth,
            String frequencyTrend,
            long repeats,
            Double repeatShare,
            Map<Integer, Long> confidence,
            Double confidenceAverage) {}

    /** A calendar month ({@code 2026-10}) or quarter ({@code 2026-Q4}) and a count. */
    public record PeriodCount(String period, long count) {}

    /** An emergency type: how many hotfixes of it in the period and in the period of equal length before. */
    public record TypeCount(String type, String prevention, boolean builtIn, long count, long previous) {
        public String trend() {
            return count > previous ? "up" : count < previous ? "down" : "flat";
        }
    }
}
