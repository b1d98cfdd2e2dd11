package dev.hotfixlog.metrics;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A calendar month or quarter in the query's zone, clipped to the query's period. */
record Period(String name, long from, long to, boolean complete) {
    static List<Period> months(MetricsQuery q) {
        List<Period> out = new ArrayList<>();
        ZoneId z = q.zone();
        YearMonth m = YearMonth.from(q.from().atZone(z));
        while (true) {
            Instant start = m.atDay(1).atStartOfDay(z).toInstant();
            if (!start.isBefore(q.to())) {
                break;
            }
            Instant end = m.plusMonths(1).atDay(1).atStartOfDay(z).toInstant();
            out.add(clip(m.toString(), start, end, q));
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
            out.add(clip(m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1), start, end, q));
            m = m.plusMonths(3);
        }
        return out;
    }

    private static Period clip(String name, Instant start, Instant end, MetricsQuery q) {
        Instant from = start.isBefore(q.from()) ? q.from() : start;
        Instant to = end.isAfter(q.to()) ? q.to() : end;
        return new Period(name, from.toEpochMilli(), to.toEpochMilli(), !start.isBefore(q.from())
                && !end.isAfter(q.to()));
    }
}
