package dev.hotfixlog.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalogue of emergency types. Built in: the failure-mode categories of the legible-fix seed (000) and the
 * examples of the hotfix log's "Common Emergency Types" (001), each with a prevention strategy. The team's own
 * types come from its log's "Patterns & Prevention" section (imported) and may override a built-in's prevention.
 * A hotfix's type is its {@code category}, matched by name.
 */
final class EmergencyTypes {
    record Type(String name, String prevention, boolean builtIn) {}

    static final List<Type> BUILT_IN = List.of(
            new Type(
                    "Live media workflow",
                    "Rehearse the live path with production-like streams before an event;"
                            + " keep a tested fallback stream",
                    true),
            new Type(
                    "Configuration rollout",
                    "Roll configuration out in stages behind a validation check, with a" + " one-step revert",
                    true),
            new Type("Data freshness problem", "Alert on data age at the consumer, not only on job success", true),
            new Type("Build dependency", "Pin and mirror build dependencies; rebuild from a clean cache in CI", true),
            new Type(
                    "Operational dashboard",
                    "Test dashboards and alerts against known incidents; own each panel",
                    true),
            new Type(
                    "Database connection failures",
                    "Bounded pools with timeouts, connection health checks and" + " load tests at peak concurrency",
                    true),
            new Type(
                    "Third-party API outages",
                    "Timeouts, circuit breakers and a degraded mode for every external" + " dependency",
                    true),
            new Type(
                    "Memory leaks under load",
                    "Soak tests with heap tracking before release; alert on heap" + " growth",
                    true));

    private EmergencyTypes() {}

    /** Built-ins first, then the team's; a team type with a built-in's name replaces its prevention. */
    static List<Type> catalogue(List<Type> teams) {
        Map<String, Type> byName = new LinkedHashMap<>();
        BUILT_IN.forEach(t -> byName.put(t.name().toLowerCase(Locale.ROOT), t));
        for (Type t : teams) {
            String key = t.name().toLowerCase(Locale.ROOT);
            Type builtIn = byName.get(key);
            byName.put(
                    key,
                    new Type(
                            builtIn == null ? t.name() : builtIn.name(),
                            t.prevention() == null || t.prevention().isBlank()
                                    ? builtIn == null ? null : builtIn.prevention()
                                    : t.prevention(),
                            builtIn != null));
        }
        return List.copyOf(byName.values());
    }
}
