package dev.hotfixlog.metrics;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A calendar month or quarter in the query's zone, clipped to the query's period. */
record Period(String name, long from, long to, boolean complete) {
    static List<Period> months(MetricsQuery q) {
        return months(q.from(), q.to(), q.zone());
    }

    /**
     * The months of [from, to) in zone {@code z}, the first and last clipped to it. Not a {@link MetricsQuery}: the
     * period before an asked one (the types' comparison) is as long as it, and may start a few hours past the
     * bound a query asked for is held to.
     */
    static List<Period> months(Instant from, Instant to, ZoneId z) {
        List<Period> out = new ArrayList<>();
        YearMonth m = YearMonth.from(from.atZone(z));
        while (true) {
            Instant start = m.atDay(1).atStartOfDay(z).toInstant();
            if (!start.isBefore(to)) {
                break;
            }
            Instant end = m.plusMonths(1).atDay(1).atStartOfDay(z).toInstant();
            out.add(clip(m.toString(), start, end, from, to));
            m = m.plusMonths(1);
        }
        return out;
    }

    static List<Period> quarters(MetricsQuery q) {
        List<Period> out = new ArrayList<>();
        ZoneId z = q.zone();
        YearMonth first = YearMonth.from(q.from().atZone(z));
        YearMonth m = first.withMonth((first.getMonthValue() - 1) / 3 * 3 + 1);
        while (true) {
            Instant start = m.atDay(1).atStartOfDay(z).toInstant();
            if (!start.isBefore(q.to())) {
                break;
            }
            Instant end = m.plusMonths(3).atDay(1).atStartOfDay(z).toInstant();
            out.add(clip(m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1), start, end, q.from(), q.to()));
            m = m.plusMonths(3);
        }
        return out;
    }

    private static Period clip(String name, Instant start, Instant end, Instant periodFrom, Instant periodTo) {
        Instant from = start.isBefore(periodFrom) ? periodFrom : start;
        Instant to = end.isAfter(periodTo) ? periodTo : end;
        return new Period(
                name, from.toEpochMilli(), to.toEpochMilli(), !start.isBefore(periodFrom) && !end.isAfter(periodTo));
    }
}
