package dev.hotfixlog.lesson;

import dev.hotfixlog.hotfix.HotfixId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** The lessons' SQL; every method runs in a transaction its caller opened. */
final class LessonRepository {
    private static final String COLUMNS = "id, number, title, summary, constraint_text, signal_text, boundary_text,"
            + " operating_rule, category, bucket, published, version, created_at, updated_at";

    /** The ids among {@code ids} that name no stored hotfix. */
    List<HotfixId> missingHotfixes(Handle h, List<HotfixId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<String> found = new HashSet<>(h.createQuery("SELECT id FROM record_facts WHERE id IN (<ids>)")
                .bindList("ids", ids.stream().map(HotfixId::toString).toList())
                .mapTo(String.class)
                .list());
        return ids.stream().filter(id -> !found.contains(id.toString())).toList();
    }

    void insert(Handle h, Lesson l) {
        h.createUpdate(
                        "INSERT INTO lesson (" + COLUMNS + ") VALUES (:id, :number, :title, :summary, :constraint,"
                                + " :signal, :boundary, :rule, :category, :bucket, :published, :version, :createdAt, :updatedAt)")
                .bindMap(scalars(l))
                .bind("number", l.id().number())
                .bind("createdAt", l.createdAt().toEpochMilli())
                .execute();
        insertChildren(h, l);
    }

    boolean update(Handle h, Lesson l, int expectedVersion) {
        int rows = h.createUpdate("UPDATE lesson SET title = :title, summary = :summary, constraint_text = :constraint,"
                        + " signal_text = :signal, boundary_text = :boundary, operating_rule = :rule,"
                        + " category = :category, bucket = :bucket, published = :published, version = :version,"
                        + " updated_at = :updatedAt WHERE id = :id AND version = :expected")
                .bindMap(scalars(l))
                .bind("expected", expectedVersion)
                .execute();
        if (rows == 0) {
            return false;
        }
        for (String table : List.of("lesson_case", "lesson_tag")) {
            h.createUpdate("DELETE FROM " + table + " WHERE lesson_id = :id")
                    .bind("id", l.id().toString())
                    .execute();
        }
        insertChildren(h, l);
        return true;
    }

    boolean delete(Handle h, LessonId id) {
        return h.createUpdate("DELETE FROM lesson WHERE id = :id")
                        .bind("id", id.toString())
                        .execute()
                > 0;
    }

    Optional<Lesson> find(Handle h, LessonId id) {
        return load(h, "SELECT " + COLUMNS + " FROM lesson WHERE id = :id", Map.of("id", id.toString())).stream()
                .findFirst();
    }

    List<Lesson> list(Handle h, LessonQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM lesson l WHERE 1 = 1");
        Map<String, Object> args = new HashMap<>();
        if (q.publishedOnly()) {
            sql.append(" AND published = true");
        }
        if (q.category() != null) {
            sql.append(" AND LOWER(category) = LOWER(:category)");
            args.put("category", q.category());
        }
        if (q.bucket() != null) {
            sql.append(" AND bucket = :bucket");
            args.put("bucket", q.bucket().json());
        }
        if (q.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM lesson_tag t WHERE t.lesson_id = l.id AND t.tag = :tag)");
            args.put("tag", q.tag().toLowerCase(Locale.ROOT));
        }
        if (q.hotfix() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM lesson_case c WHERE c.lesson_id = l.id AND c.hotfix_id = :hotfix)");
            args.put("hotfix", q.hotfix());
        }
        sql.append(" ORDER BY number DESC LIMIT :limit");
        args.put("limit", q.limit());
        return load(h, sql.toString(), args);
    }

    /** Every published lesson, newest first (the field-notes site). */
    List<Lesson> published(Handle h) {
        return load(h, "SELECT " + COLUMNS + " FROM lesson WHERE published = true ORDER BY number DESC", Map.of());
    }

    private List<Lesson> load(Handle h, String sql, Map<String, Object> args) {
        List<Map<String, Object>> rows =
                h.createQuery(sql).bindMap(args).mapToMap().list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(r -> (String) r.get("id")).toList();
        Map<String, List<HotfixId>> cases = new HashMap<>();
        Map<String, List<String>> tags = new HashMap<>();
        // In chunks: a site of 10,000 lessons must not meet a database's limit on bound values.
        for (int i = 0; i < ids.size(); i += 1000) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            h.createQuery("SELECT lesson_id, hotfix_id FROM lesson_case WHERE lesson_id IN (<ids>) ORDER BY"
                            + " lesson_id, ordinal")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> cases.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(HotfixId.parse(e.getValue())));
            h.createQuery("SELECT lesson_id, tag FROM lesson_tag WHERE lesson_id IN (<ids>) ORDER BY lesson_id,"
                            + " ordinal")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
        }
        List<Lesson> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String id = (String) r.get("id");
            String bucket = (String) r.get("bucket");
            out.add(new Lesson(
                    LessonId.parse(id),
                    (String) r.get("title"),
                    (String) r.get("summary"),
                    (String) r.get("constraint_text"),
                    (String) r.get("signal_text"),
                    (String) r.get("boundary_text"),
                    (String) r.get("operating_rule"),
                    (String) r.get("category"),
                    bucket == null ? null : Bucket.parse(bucket),
                    tags.getOrDefault(id, List.of()),
                    cases.getOrDefault(id, List.of()),
                    bool(r.get("published")),
                    ((Number) r.get("version")).intValue(),
                    Instant.ofEpochMilli(((Number) r.get("created_at")).longValue()),
                    Instant.ofEpochMilli(((Number) r.get("updated_at")).longValue())));
        }
        return out;
    }

    /** SQLite hands booleans back as integers. */
    private static boolean bool(Object v) {
        return v instanceof Boolean b ? b : v instanceof Number n && n.intValue() != 0;
    }

    private static void insertChildren(Handle h, Lesson l) {
        String id = l.id().toString();
        if (!l.cases().isEmpty()) {
            var batch = h.prepareBatch("INSERT INTO lesson_case (lesson_id, ordinal, hotfix_id) VALUES (:id, :o, :h)");
            for (int i = 0; i < l.cases().size(); i++) {
                batch.bind("id", id)
                        .bind("o", i)
                        .bind("h", l.cases().get(i).toString())
                        .add();
            }
            batch.execute();
        }
        if (!l.tags().isEmpty()) {
            var batch = h.prepareBatch("INSERT INTO lesson_tag (lesson_id, ordinal, tag) VALUES (:id, :o, :t)");
            for (int i = 0; i < l.tags().size(); i++) {
                batch.bind("id", id).bind("o", i).bind("t", l.tags().get(i)).add();
            }
            batch.execute();
        }
    }

    private static Map<String, Object> scalars(Lesson l) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", l.id().toString());
        m.put("title", l.title());
        m.put("summary", l.summary());
        m.put("constraint", l.constraint());
        m.put("signal", l.signal());
        m.put("boundary", l.boundary());
        m.put("rule", l.operatingRule());
        m.put("category", l.category());
        m.put("bucket", l.bucket() == null ? null : l.bucket().json());
        m.put("published", l.published());
        m.put("version", l.version());
        m.put("updatedAt", l.updatedAt().toEpochMilli());
        return m;
    }
}
