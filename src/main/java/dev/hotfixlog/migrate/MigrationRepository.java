package dev.hotfixlog.migrate;

import dev.hotfixlog.store.MultiRowInsert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The migration feature's SQL: which source record became which hotfix, and where a stopped run goes on. */
final class MigrationRepository {
    /** What the log remembers of one source record. */
    record Link(
            String source,
            String sourceKey,
            String hotfixId,
            String url,
            String docSha256,
            String mappedSha256,
            long migratedAt,
            long updatedAt,
            Long deletedAt) {}

    private static final String COLUMNS =
            "source, source_key, hotfix_id, url, doc_sha256, mapped_sha256, " + "migrated_at, updated_at, deleted_at";

    /**
     * The links of a page's records. On PostgreSQL, planned for the table as it is now: the generic plan the server
     * settles on after five runs of the same statement was made when the table was nearly empty, and went on
     * scanning it whole as it grew (81 ms a page at 50,000 links in a profile of bench/migrate.sh; 6 ms a page once
     * planned so, in the next profile).
     */
    Map<String, Link> links(Handle h, String source, Collection<String> keys, boolean postgres) {
        Map<String, Link> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        if (postgres) {
            h.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
        h.createQuery("SELECT " + COLUMNS + " FROM migration_link WHERE source = :source AND source_key IN (<keys>)")
                .bind("source", source)
                .bindList("keys", keys.stream().toList())
                .map((rs, ctx) -> link(rs))
                .forEach(l -> out.put(l.sourceKey(), l));
        return out;
    }

    Optional<Link> linkOf(Handle h, String hotfixId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM migration_link WHERE hotfix_id = :id AND deleted_at IS NULL "
                        + "ORDER BY updated_at DESC")
                .bind("id", hotfixId)
                .map((rs, ctx) -> link(rs))
                .findFirst();
    }

    void put(Handle h, Link l) {
        h.createUpdate("""
                INSERT INTO migration_link (source, source_key, hotfix_id, url, doc_sha256, mapped_sha256,
                                            migrated_at, updated_at, deleted_at)
                VALUES (:source, :key, :hotfix, :url, :doc, :mapped, :at, :at, NULL)
                ON CONFLICT (source, source_key) DO UPDATE SET hotfix_id = excluded.hotfix_id, url = excluded.url,
                    doc_sha256 = excluded.doc_sha256, mapped_sha256 = excluded.mapped_sha256,
                    updated_at = excluded.updated_at""")
                .bind("source", l.source())
                .bind("key", l.sourceKey())
                .bind("hotfix", l.hotfixId())
                .bind("url", l.url())
                .bind("doc", l.docSha256())
                .bind("mapped", l.mappedSha256())
                .bind("at", l.updatedAt())
                .execute();
    }

    /** New links, many to a statement (a page of a first migration is all new). */
    void insert(Handle h, List<Link> links) {
        MultiRowInsert rows = new MultiRowInsert(
                "migration_link",
                "source, source_key, hotfix_id, url, doc_sha256, mapped_sha256, migrated_at, updated_at");
        for (Link l : links) {
            rows.add(
                    l.source(),
                    l.sourceKey(),
                    l.hotfixId(),
                    l.url(),
                    l.docSha256(),
                    l.mappedSha256(),
                    l.migratedAt(),
                    l.updatedAt());
        }
        rows.execute(h);
    }

    void markDeleted(Handle h, String hotfixId, long at) {
        h.createUpdate("UPDATE migration_link SET deleted_at = :at WHERE hotfix_id = :id AND deleted_at IS NULL")
                .bind("at", at)
                .bind("id", hotfixId)
                .execute();
    }

    Optional<String> cursor(Handle h, String source, String origin) {
        return h.createQuery("SELECT position FROM migration_cursor WHERE source = :source AND origin = :origin")
                .bind("source", source)
                .bind("origin", origin)
                .mapTo(String.class)
                .findOne();
    }

    void saveCursor(Handle h, String source, String origin, String position, long records, long at) {
        h.createUpdate("""
                INSERT INTO migration_cursor (source, origin, position, records, updated_at)
                VALUES (:source, :origin, :position, :records, :at)
                ON CONFLICT (source, origin) DO UPDATE SET position = excluded.position,
                    records = migration_cursor.records + excluded.records, updated_at = excluded.updated_at""")
                .bind("source", source)
                .bind("origin", origin)
                .bind("position", position)
                .bind("records", records)
                .bind("at", at)
                .execute();
    }

    void clearCursor(Handle h, String source, String origin) {
        h.createUpdate("DELETE FROM migration_cursor WHERE source = :source AND origin = :origin")
                .bind("source", source)
                .bind("origin", origin)
                .execute();
    }

    private static Link link(ResultSet rs) throws SQLException {
        long deletedAt = rs.getLong("deleted_at");
        Long deleted = rs.wasNull() ? null : deletedAt; // asked at once: wasNull is about the last column read
        return new Link(
                rs.getString("source"),
                rs.getString("source_key"),
                rs.getString("hotfix_id"),
                rs.getString("url"),
                rs.getString("doc_sha256"),
                rs.getString("mapped_sha256"),
                rs.getLong("migrated_at"),
                rs.getLong("updated_at"),
                deleted);
    }

    static Instant time(long millis) {
        return Instant.ofEpochMilli(millis);
    }
}
