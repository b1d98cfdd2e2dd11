package dev.hotfixlog.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The risk register in numbers, for a period: the accepted risks open at its end (or now, for a period not over
 * yet) by age and by system; in the period, the risks retired by their proper fix, those retired otherwise, and
 * those that expired (passed their review date while open), with the mean age at retirement.
 */
final class RiskFigures {
    static final String UNDER_30 = "under 30 days";
    static final String UNDER_90 = "30 to 90 days";
    static final String OVER_90 = "over 90 days";
    private static final long DAY = Duration.ofDays(1).toMillis();
    private final RiskFactsRepository repo = new RiskFactsRepository();

    Metrics.Risks compute(Handle h, long from, long to, long now) {
        long asOf = Math.min(to, now);
        Map<String, Long> byAge = new LinkedHashMap<>();
        byAge.put(UNDER_30, 0L);
        byAge.put(UNDER_90, 0L);
        byAge.put(OVER_90, 0L);
        Map<String, Long> bySystem = new TreeMap<>();
        long open = 0;
        long byFix = 0;
        long otherwise = 0;
        long expired = 0;
        long retiredAgeSum = 0;
        for (RiskFactsRepository.Fact f : repo.acceptedBefore(h, to)) {
            boolean openAtEnd = f.acceptedAt() <= asOf && (f.retiredAt() == null || f.retiredAt() > asOf);
            if (openAtEnd) {
                open++;
                long age = asOf - f.acceptedAt();
                byAge.merge(age < 30 * DAY ? UNDER_30 : age < 90 * DAY ? UNDER_90 : OVER_90, 1L, Long::sum);
                f.systems().forEach(s -> bySystem.merge(s, 1L, Long::sum));
            }
            if (f.retiredAt() != null && f.retiredAt() >= from && f.retiredAt() < to) {
                if (f.retiredByFix()) {
                    byFix++;
                } else {
                    otherwise++;
                }
                retiredAgeSum += f.retiredAt() - f.acceptedAt();
            }
            boolean expiredInPeriod = f.reviewBy() >= from
                    && f.reviewBy() < asOf
                    && (f.retiredAt() == null || f.retiredAt() > f.reviewBy());
            if (expiredInPeriod) {
                expired++;
            }
        }
        long retired = byFix + otherwise;
        return new Metrics.Risks(
                open,
                byAge,
                bySystem,
                byFix,
                otherwise,
                expired,
                retired == 0 ? null : (double) retiredAgeSum / retired / DAY);
    }
}
