package dev.hotfixlog.deploy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** The deploys' SQL (V23); the record is read through its views ({@code record_facts}, {@code record_systems}). */
final class DeployRepository {
    private static final String COLUMNS =
            "id, system, version, deployed_at, environment, source, actor, url, " + "rollback_of";
    private static final String PRODUCTION = "environment IN ('production', 'prod')";

    /** What the deploys need to know of a record. */
    record RecordFacts(Long detectedAt, long declaredAt, String status, Long fixDeployedAt, List<String> systems) {}

    /** A confirmed link: which deploy, by whom, when. */
    record Confirmed(long deployId, String by, long at) {}

    /**
     * Inserts the deploy unless its delivery key is known (then the known one is returned, as a repeat). A
     * version equal to an earlier one of the same system and environment, when the one before differs, is a
     * rollback of that earlier one.
     */
    Optional<Long> insert(
            Handle h, DeployMarker m, long at, String source, String actor, String deliveryKey, long now) {
        String previous = h.createQuery("""
                        SELECT version FROM deploy WHERE system = :system AND environment = :env AND deployed_at <= :at
                        ORDER BY deployed_at DESC, id DESC LIMIT 1""")
                .bind("system", m.system())
                .bind("env", m.environment())
                .bind("at", at)
                .mapTo(String.class)
                .findOne()
                .orElse(null);
        Long rollbackOf = null;
        if (previous != null && !previous.equals(m.version())) {
            rollbackOf = h.createQuery("""
                            SELECT id FROM deploy WHERE system = :system AND environment = :env AND version = :version
                                AND deployed_at <= :at
                            ORDER BY deployed_at DESC, id DESC LIMIT 1""")
                    .bind("system", m.system())
                    .bind("env", m.environment())
                    .bind("version", m.version())
                    .bind("at", at)
                    .mapTo(Long.class)
                    .findOne()
                    .orElse(null);
        }
        // RETURNING gives the new id on both databases, and nothing when the delivery key was known.
        return h.createQuery("""
                        INSERT INTO deploy (system, version, deployed_at, environment, source, actor, url, delivery_key,
                            rollback_of, created_at)
                        VALUES (:system, :version, :at, :env, :source, :actor, :url, :key, :rollbackOf, :now)
                        ON CONFLICT (delivery_key) DO NOTHING
                        RETURNING id""")
                .bind("system", m.system())
                .bind("version", m.version())
                .bind("at", at)
                .bind("env", m.environment())
                .bind("source", source)
                .bind("actor", actor)
                .bind("url", m.url())
                .bind("key", deliveryKey)
                .bind("rollbackOf", rollbackOf)
                .bind("now", now)
                .mapTo(Long.class)
                .findOne();
    }

    Optional<Deploy> byKey(Handle h, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM deploy WHERE delivery_key = :key")
                .bind("key", key)
                .map((rs, c) -> deploy(rs))
                .findOne();
    }

    Optional<Deploy> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM deploy WHERE id = :id")
                .bind("id", id)
                .map((rs, c) -> deploy(rs))
                .findOne();
    }

    List<Deploy> list(Handle h, String system, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM deploy"
                        + (system == null ? "" : " WHERE LOWER(system) = :system")
                        + " ORDER BY deployed_at DESC, id DESC LIMIT :limit")
                .bind("system", system == null ? null : system.toLowerCase(Locale.ROOT))
                .bind("limit", limit)
                .map((rs, c) -> deploy(rs))
                .list();
    }

    Optional<RecordFacts> record(Handle h, String hotfixId) {
        List<String> systems =
                h.createQuery("""
                        SELECT name FROM record_systems
                        WHERE hotfix_id = :id ORDER BY name""").bind("id", hotfixId).mapTo(String.class).list();
        return h.createQuery("""
                        SELECT detected_at, created_at, status, fix_deployed_at FROM record_facts WHERE id = :id""")
                .bind("id", hotfixId)
                .map((rs, c) -> new RecordFacts(
                        nullableLong(rs, "detected_at"),
                        rs.getLong("created_at"),
                        rs.getString("status"),
                        nullableLong(rs, "fix_deployed_at"),
                        systems))
                .findOne();
    }

    /** The last production deploy to one of the systems in [from, to]. */
    Optional<Deploy> lastBefore(Handle h, List<String> systems, long from, long to) {
        if (systems.isEmpty()) {
            return Optional.empty();
        }
        return h.createQuery("SELECT " + COLUMNS + " FROM deploy WHERE LOWER(system) IN (<systems>) AND "
                        + PRODUCTION + " AND deployed_at >= :from AND deployed_at <= :to "
                        + "ORDER BY deployed_at DESC, id DESC LIMIT 1")
                .bindList("systems", lower(systems))
                .bind("from", from)
                .bind("to", to)
                .map((rs, c) -> deploy(rs))
                .findOne();
    }

    /** The first production deploy to one of the systems at or after {@code from}. */
    Optional<Deploy> firstAfter(Handle h, List<String> systems, long from) {
        if (systems.isEmpty()) {
            return Optional.empty();
        }
        return h.createQuery("SELECT " + COLUMNS + " FROM deploy WHERE LOWER(system) IN (<systems>) AND " + PRODUCTION
                        + " AND deployed_at >= :from ORDER BY deployed_at, id LIMIT 1")
                .bindList("systems", lower(systems))
                .bind("from", from)
                .map((rs, c) -> deploy(rs))
                .findOne();
    }

    Map<HotfixDeploys.Role, Confirmed> links(Handle h, String hotfixId) {
        return h
                .createQuery("""
                                SELECT role, deploy_id, confirmed_by, confirmed_at FROM deploy_link
                                WHERE hotfix_id = :id""")
                .bind("id", hotfixId)
                .map((rs, c) -> Map.entry(
                        HotfixDeploys.Role.parse("role", rs.getString("role")),
                        new Confirmed(
                                rs.getLong("deploy_id"), rs.getString("confirmed_by"), rs.getLong("confirmed_at"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void link(Handle h, String hotfixId, HotfixDeploys.Role role, long deployId, String actor, long at) {
        h.createUpdate("""
                        INSERT INTO deploy_link (hotfix_id, role, deploy_id, confirmed_by, confirmed_at)
                        VALUES (:hotfix, :role, :deploy, :actor, :at)
                        ON CONFLICT (hotfix_id, role)
                        DO UPDATE SET deploy_id = :deploy, confirmed_by = :actor, confirmed_at = :at""")
                .bind("hotfix", hotfixId)
                .bind("role", role.json())
                .bind("deploy", deployId)
                .bind("actor", actor)
                .bind("at", at)
                .execute();
    }

    private static List<String> lower(List<String> systems) {
        return systems.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static Deploy deploy(ResultSet rs) throws SQLException {
        return new Deploy(
                rs.getLong("id"),
                rs.getString("system"),
                rs.getString("version"),
                Instant.ofEpochMilli(rs.getLong("deployed_at")),
                rs.getString("environment"),
                rs.getString("source"),
                rs.getString("actor"),
                rs.getString("url"),
                nullableLong(rs, "rollback_of"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
