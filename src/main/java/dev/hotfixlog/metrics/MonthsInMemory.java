package dev.hotfixlog.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whole months of the time zones not kept in {@code metrics_month}, in memory, for a few zones at most: a GET in
 * an arbitrary zone must not grow the database (each new zone wrote about 5,400 rows), yet asking twice in one zone
 * should not cost twice. Bounded in zones ({@value #ZONES}, least recently used out) and in months
 * ({@value #MONTHS} in all), and valid only for the {@code metrics_version} it was computed at: any write to a
 * hotfix or follow-up bumps it, so a remembered month is never stale. Thread-safe.
 */
final class MonthsInMemory {
    static final int ZONES = 4;
    /** Two periods of the longest range (the period and the one before it) in every zone. */
    static final int MONTHS = ZONES * 2 * 12 * MetricsQuery.MAX_YEARS;

    private record Zone(long version, Map<Long, Tally> months) {}

    private final LinkedHashMap<String, Zone> zones = new LinkedHashMap<>(8, 0.75f, true);

    /** The months of {@code zone} computed at {@code version}, still valid at {@code now}: month start → tally. */
    synchronized Map<Long, Tally> load(String zone, long version, long now) {
        Zone z = zones.get(zone);
        if (z == null || z.version() != version) {
            return Map.of();
        }
        Map<Long, Tally> out = new HashMap<>();
        z.months().forEach((start, t) -> {
            if (t.validUntil() == null || t.validUntil() > now) {
                out.put(start, t);
            }
        });
        return out;
    }

    synchronized void store(String zone, long version, Map<Period, Tally> fresh) {
        Zone z = zones.get(zone);
        Map<Long, Tally> months = z != null && z.version() == version ? new HashMap<>(z.months()) : new HashMap<>();
        fresh.forEach((p, t) -> months.put(p.from(), t));
        zones.put(zone, new Zone(version, months));
        int total = zones.values().stream().mapToInt(x -> x.months().size()).sum();
        var eldest = zones.entrySet().iterator();
        while ((zones.size() > ZONES || total > MONTHS) && eldest.hasNext()) {
            var e = eldest.next();
            if (e.getKey().equals(zone) && zones.size() == 1) {
                break; // one zone alone holds at most one request's months, which MONTHS covers
            }
            total -= e.getValue().months().size();
            eldest.remove();
        }
    }
}
