package dev.hotfixlog.attachment;

import dev.hotfixlog.store.MultiRowInsert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The attachments' SQL (V25): {@code attachment_content} holds each distinct content once, by its SHA-256;
 * {@code attachment} the evidence on a hotfix or lesson, pointing at its content while it is live.
 */
final class AttachmentRepository {
    private static final String COLUMNS = "id, owner_kind, owner_id, file_name, note, file_type, size, sha256, "
            + "preview, added_by, added_at, deleted_at, deleted_by, delete_reason";

    /** Stores the bytes under their hash unless they are there already; true when they were new. */
    boolean putContent(Handle h, String sha256, byte[] bytes, long now) {
        return h.createUpdate("""
                        INSERT INTO attachment_content (sha256, size, bytes, created_at) VALUES (:sha, :size, :bytes,
                            :now)
                        ON CONFLICT (sha256) DO NOTHING""")
                        .bind("sha", sha256)
                        .bind("size", (long) bytes.length)
                        .bind("bytes", bytes)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    long insert(
            Handle h,
            Owner owner,
            Upload u,
            FileType type,
            long size,
            String sha256,
            String preview,
            String actor,
            long now) {
        return h.createQuery("""
                        INSERT INTO attachment (owner_kind, owner_id, file_name, note, file_type, size, sha256,
                            preview, added_by, added_at)
                        VALUES (:kind, :owner, :name, :note, :type, :size, :sha, :preview, :actor, :now)
                        RETURNING id""")
                .bind("kind", owner.kind().json())
                .bind("owner", owner.id())
                .bind("name", u.fileName())
                .bind("note", u.note())
                .bind("type", type.json())
                .bind("size", size)
                .bind("sha", sha256)
                .bind("preview", preview)
                .bind("actor", actor)
                .bind("now", now)
                .mapTo(Long.class)
                .one();
    }

    List<Attachment> list(Handle h, Owner owner, boolean withDeleted) {
        return h.createQuery("SELECT " + COLUMNS + " FROM attachment WHERE owner_kind = :kind AND owner_id = :owner"
                        + (withDeleted ? "" : " AND deleted_at IS NULL") + " ORDER BY id")
                .bind("kind", owner.kind().json())
                .bind("owner", owner.id())
                .map((rs, c) -> attachment(rs))
                .list();
    }

    Optional<Attachment> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM attachment WHERE id = :id")
                .bind("id", id)
                .map((rs, c) -> attachment(rs))
                .findOne();
    }

    /** The bytes of live evidence under this hash, if they are stored. */
    Optional<byte[]> bytes(Handle h, String sha256) {
        return h.createQuery("SELECT bytes FROM attachment_content WHERE sha256 = :sha")
                .bind("sha", sha256)
                .map((rs, c) -> rs.getBytes(1))
                .findOne();
    }

    /** The first live attachment that holds this content, if any. */
    Optional<Attachment> heldBy(Handle h, String sha256) {
        return h.createQuery("SELECT " + COLUMNS + " FROM attachment WHERE sha256 = :sha AND deleted_at IS NULL "
                        + "ORDER BY id LIMIT 1")
                .bind("sha", sha256)
                .map((rs, c) -> attachment(rs))
                .findOne();
    }

    /** The owner's live attachment of this content added at this time, if it has it (an import brings each once). */
    Optional<Attachment> held(Handle h, Owner owner, String sha256, long addedAt) {
        return h.createQuery("SELECT " + COLUMNS + " FROM attachment WHERE owner_kind = :kind AND owner_id = :owner "
                        + "AND sha256 = :sha AND added_at = :at AND deleted_at IS NULL ORDER BY id LIMIT 1")
                .bind("kind", owner.kind().json())
                .bind("owner", owner.id())
                .bind("sha", sha256)
                .bind("at", addedAt)
                .map((rs, c) -> attachment(rs))
                .findOne();
    }

    /** Every live attachment of every hotfix, by hotfix then id (the log's full export). */
    List<Attachment> allLive(Handle h, Owner.Kind kind) {
        return h.createQuery("SELECT " + COLUMNS + " FROM attachment WHERE owner_kind = :kind AND deleted_at IS NULL "
                        + "ORDER BY owner_id, id")
                .bind("kind", kind.json())
                .map((rs, c) -> attachment(rs))
                .list();
    }

    /** The bytes the owner's live attachments take. */
    /** Each owner's live bytes, in one query (a migration's page keeps a document on each of its hotfixes). */
    Map<String, Long> used(Handle h, Owner.Kind kind, Collection<String> owners) {
        Map<String, Long> out = new HashMap<>();
        if (owners.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT owner_id, COALESCE(SUM(size), 0) AS used FROM attachment WHERE owner_kind = :kind "
                        + "AND owner_id IN (<owners>) AND deleted_at IS NULL GROUP BY owner_id")
                .bind("kind", kind.json())
                .bindList("owners", List.copyOf(owners))
                .map((rs, c) -> Map.entry(rs.getString("owner_id"), rs.getLong("used")))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** One file to store: its owner, its labels, its cleaned bytes and what they are. */
    record Row(Owner owner, Upload upload, FileType type, String sha256, String preview, String actor, long now) {}

    /** Contents (each once) and attachment rows, many to a statement. */
    void insertAll(Handle h, List<Row> rows) {
        MultiRowInsert contents = new MultiRowInsert(
                "attachment_content", "sha256, size, bytes, created_at", "ON CONFLICT (sha256) DO NOTHING");
        MultiRowInsert attachments = new MultiRowInsert(
                "attachment",
                "owner_kind, owner_id, file_name, note, file_type, size, sha256, preview, added_by, added_at");
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            long size = r.upload().bytes().length;
            if (seen.add(r.sha256())) {
                contents.add(r.sha256(), size, r.upload().bytes(), r.now());
            }
            attachments.add(
                    r.owner().kind().json(),
                    r.owner().id(),
                    r.upload().fileName(),
                    r.upload().note(),
                    r.type().json(),
                    size,
                    r.sha256(),
                    r.preview(),
                    r.actor(),
                    r.now());
        }
        try (MultiRowInsert.Statements statements = new MultiRowInsert.Statements(h)) {
            contents.execute(statements);
            attachments.execute(statements);
        }
    }

    long used(Handle h, Owner owner) {
        return h.createQuery("SELECT COALESCE(SUM(size), 0) FROM attachment WHERE owner_kind = :kind "
                        + "AND owner_id = :owner AND deleted_at IS NULL")
                .bind("kind", owner.kind().json())
                .bind("owner", owner.id())
                .mapTo(Long.class)
                .one();
    }

    boolean markDeleted(Handle h, long id, String actor, String reason, long now) {
        return h.createUpdate("UPDATE attachment SET deleted_at = :now, deleted_by = :actor, delete_reason = :reason "
                                + "WHERE id = :id AND deleted_at IS NULL")
                        .bind("now", now)
                        .bind("actor", actor)
                        .bind("reason", reason)
                        .bind("id", id)
                        .execute()
                == 1;
    }

    /** Removes the bytes no live attachment holds any longer (a deletion's, in its transaction). */
    void forgetUnheld(Handle h, String sha256) {
        h.createUpdate("DELETE FROM attachment_content WHERE sha256 = :sha AND NOT EXISTS (SELECT 1 FROM attachment "
                        + "WHERE sha256 = :sha AND deleted_at IS NULL)")
                .bind("sha", sha256)
                .execute();
    }

    private static Attachment attachment(ResultSet rs) throws SQLException {
        long deleted = rs.getLong("deleted_at");
        Instant deletedAt = rs.wasNull() ? null : Instant.ofEpochMilli(deleted);
        Owner owner = new Owner(
                Owner.Kind.valueOf(rs.getString("owner_kind").toUpperCase(Locale.ROOT)), rs.getString("owner_id"));
        return new Attachment(
                rs.getLong("id"),
                owner,
                rs.getString("file_name"),
                rs.getString("note"),
                FileType.parse(rs.getString("file_type")),
                rs.getLong("size"),
                rs.getString("sha256"),
                rs.getString("preview"),
                rs.getString("added_by"),
                Instant.ofEpochMilli(rs.getLong("added_at")),
                deletedAt,
                rs.getString("deleted_by"),
                rs.getString("delete_reason"));
    }
}
