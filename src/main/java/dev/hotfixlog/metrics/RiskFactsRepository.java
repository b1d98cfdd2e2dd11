package dev.hotfixlog.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The register's figures' SQL, through its read model {@code risk_facts} and the record's {@code record_systems}. */
final class RiskFactsRepository {
    /** One risk as the figures need it: when accepted, reviewed, retired (and how), and its hotfix's systems. */
    record Fact(long id, long acceptedAt, long reviewBy, Long retiredAt, boolean retiredByFix, List<String> systems) {}

    /** Every risk accepted before {@code to}, with the systems of its hotfix. */
    List<Fact> acceptedBefore(Handle h, long to) {
        Map<String, List<String>> systems = new HashMap<>();
        h.createQuery("""
                        SELECT DISTINCT s.hotfix_id, s.name FROM record_systems s JOIN risk_facts r
                        ON r.hotfix_id = s.hotfix_id WHERE r.accepted_at < :to ORDER BY s.name""")
                .bind("to", to)
                .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> systems.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return h.createQuery("""
                        SELECT id, hotfix_id, accepted_at, review_by, retired_at, retired_by_fix FROM risk_facts
                        WHERE accepted_at < :to ORDER BY id""")
                .bind("to", to)
                .map((rs, c) -> {
                    long retired = rs.getLong("retired_at");
                    Long retiredAt = rs.wasNull() ? null : retired;
                    return new Fact(
                            rs.getLong("id"),
                            rs.getLong("accepted_at"),
                            rs.getLong("review_by"),
                            retiredAt,
                            rs.getBoolean("retired_by_fix"),
                            systems.getOrDefault(rs.getString("hotfix_id"), List.of()));
                })
                .list();
    }
}
