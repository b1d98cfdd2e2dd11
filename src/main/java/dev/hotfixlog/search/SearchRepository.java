package dev.hotfixlog.search;

import dev.hotfixlog.hotfix.RecordFields;
import dev.hotfixlog.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Search's SQL, on each database's own engine: SQLite's FTS5 table {@code search_text} (bm25, snippet), and
 * PostgreSQL's tsvector columns (ts_rank, ts_headline). It reads the record through its views (record_facts).
 */
final class SearchRepository {
    /**
     * The searched body of a hotfix and of a lesson, as PostgreSQL's snippets are cut from it. The same columns, in
     * the same order, are in migration V15 of both databases: {@code SearchedFieldsTest} fails when they differ.
     */
    static final String HOTFIX_BODY = RecordFields.searchedColumns().stream()
            .map(c -> "coalesce(h." + c + ", '')")
            .collect(Collectors.joining(" || ' ' || "));
    /** What a hand-kept log holds beyond the labels (V18), for the snippet: the texts of its extras. */
    static final String LOG_EXTRAS_BODY = "coalesce((SELECT string_agg(e->>'text', ' ') FROM hotfix_markdown m,"
            + " jsonb_array_elements(coalesce(m.extras, '[]')::jsonb) e WHERE m.hotfix_id = h.id), '')";
    /** The team's own fields' texts (V20, V21), for the snippet. */
    static final String TEAM_FIELDS_BODY =
            "coalesce((SELECT string_agg(f.text_value, ' ') FROM record_fields f" + " WHERE f.hotfix_id = h.id), '')";

    static final String LESSON_BODY = "coalesce(l.summary, '') || ' ' || coalesce(l.constraint_text, '') ||"
            + " ' ' || coalesce(l.signal_text, '') || ' ' || coalesce(l.boundary_text, '') || ' ' ||"
            + " coalesce(l.operating_rule, '') || ' ' || coalesce(l.category, '')";
    /**
     * How many of the newest matches of each kind are ranked. A word in most documents would otherwise be ranked
     * across all of them; past this many, the newest are the ones a responder wants (README, "Search and similar past fixes").
     */
    static final int CANDIDATES = 1000;
    /** {@code anyOf}: any word may match (similarity) rather than all (search); {@code before}: earlier hotfixes. */
    List<SearchHit> run(Handle h, Dialect dialect, List<String> words, boolean anyOf, SearchQuery q, Long before) {
        return dialect == Dialect.POSTGRESQL
                ? postgres(h, words, anyOf, q, before)
                : sqlite(h, words, anyOf, q, before);
    }

    private static List<SearchHit> sqlite(Handle h, List<String> words, boolean anyOf, SearchQuery q, Long before) {
        // Each word quoted: FTS5 reads it as a plain term whatever it holds.
        String match = words.stream()
                .map(w -> "\"" + w.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(anyOf ? " OR " : " "));
        Map<String, Object> args = new HashMap<>();
        args.put("match", match);
        args.put("cap", CANDIDATES);
        args.put("limit", q.limit());
        // Candidates: the newest matches of each kind, filters applied (hotfix rowids are their numbers, lesson
        // rowids their numbers negated). Only these are ranked, and only the best few get a snippet: bm25 and
        // snippet() over every match of a common word took 0.2-0.3 s on 100,000 documents.
        // "Earlier than" is a rowid bound too (a hotfix's rowid is its number), so FTS5 starts there.
        String earlier = before == null ? "" : " AND s.rowid < :before";
        if (before != null) {
            args.put("before", before);
        }
        String hotfixes = sqlitePart("s.rowid", true, "s.rowid > 0" + earlier, "s.rowid DESC LIMIT :cap", args, q);
        String lessons = sqlitePart("s.rowid", false, "s.rowid < 0", "s.rowid ASC LIMIT :cap", args, q);
        // The candidates become rowid bounds, not a list: FTS5 runs "rowid IN (...)" as one lookup per value. One
        // bound per kind, each in its own ranked part: FTS5 can only seek on a bound that is not inside an OR.
        String rank = "s.rowid AS r, -bm25(search_text, 0.0, 0.0, 8.0, 1.0) AS score";
        String rankedHotfixes = sqlitePart(
                rank,
                true,
                "s.rowid >= (SELECT v FROM newest_hotfix)" + earlier,
                "score DESC, s.rowid DESC LIMIT :limit",
                args,
                q);
        String rankedLessons = sqlitePart(
                rank,
                false,
                "s.rowid <= (SELECT v FROM newest_lesson)",
                "score DESC, s.rowid DESC LIMIT :limit",
                args,
                q);
        String sql = "WITH newest_hotfix AS (SELECT min(rowid) AS v FROM (" + hotfixes + ")),"
                + " newest_lesson AS (SELECT max(rowid) AS v FROM (" + lessons + ")),"
                + " best AS (SELECT * FROM (" + rankedHotfixes + ") UNION ALL SELECT * FROM (" + rankedLessons + ")"
                + " ORDER BY score DESC, r DESC LIMIT :limit)"
                + " SELECT s.kind, s.ref, highlight(search_text, 2, char(2), char(3)),"
                + " snippet(search_text, 3, char(2), char(3), '…', 24), best.score,"
                + " h.severity, COALESCE(h.category, l.category), COALESCE(h.detected_at, l.created_at),"
                + " COALESCE(h.operating_rule, l.operating_rule)"
                + " FROM search_text s JOIN best ON best.r = s.rowid"
                + " LEFT JOIN record_facts h ON s.kind = 'hotfix' AND h.id = s.ref"
                + " LEFT JOIN lesson l ON s.kind = 'lesson' AND l.id = s.ref"
                + " WHERE search_text MATCH :match ORDER BY best.score DESC, s.rowid DESC";
        return h.createQuery(sql).bindMap(args).map((rs, ctx) -> hit(rs)).list();
    }

    /** One kind's matching rows of {@code search_text}, joined to the kind's table for the filters. */
    private static String sqlitePart(
            String select,
            boolean hotfix,
            String bound,
            String orderAndLimit,
            Map<String, Object> args,
            SearchQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + select + " FROM search_text s LEFT JOIN "
                + (hotfix ? "hotfix h ON h.id = s.ref" : "lesson l ON l.id = s.ref")
                + " WHERE search_text MATCH :match AND " + bound);
        filters(
                sql,
                args,
                q,
                null,
                hotfix ? "'hotfix'" : "'lesson'",
                hotfix ? "h.category" : "l.category",
                hotfix ? "h.detected_at" : "l.created_at");
        return sql.append(" ORDER BY ").append(orderAndLimit).toString();
    }

    private static List<SearchHit> postgres(Handle h, List<String> words, boolean anyOf, SearchQuery q, Long before) {
        // A plan for these words, never the generic one the server settles on after five runs of the same
        // statement: without the words it cannot tell a common one (walk the newest rows back) from a rare one
        // (the GIN index), and a generic plan for a common word ranked all its matches: 100-270 ms, measured.
        h.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        // Words go in as values of to_tsquery's operands, each a plain lexeme; stop words drop out harmlessly.
        String tsquery = words.stream()
                .map(w -> "'" + w.replace("'", "''") + "'")
                .collect(Collectors.joining(anyOf ? " | " : " & "));
        Map<String, Object> args = new HashMap<>();
        args.put("tsquery", tsquery);
        args.put("cap", CANDIDATES);
        // As on SQLite: the newest matches of each kind are the candidates, ranked as they are found (the rank
        // read from the row the match was checked on, not fetched again), and only the best few headlined. The
        // tsquery is written out at each use, not shared through a CTE, so the planner sees how common its words
        // are: a common word walks the newest rows back, a rare one takes the GIN index.
        String query = "to_tsquery('english', :tsquery)";
        StringBuilder hotfixes = new StringBuilder("SELECT 'hotfix' AS kind, h.id, h.number AS n, ts_rank(h.search, "
                + query + ") AS score FROM record_facts h WHERE h.search @@ " + query);
        StringBuilder lessons = new StringBuilder("SELECT 'lesson' AS kind, l.id, -l.number AS n, ts_rank(l.search, "
                + query + ") AS score FROM lesson l WHERE l.search @@ " + query);
        // Hotfixes found through the text their log page holds beyond the labels (V18), ranked below a match in
        // the record's own fields; a hotfix found both ways keeps its better score.
        StringBuilder viaLog =
                new StringBuilder("SELECT 'hotfix' AS kind, h.id, h.number AS n, 0.5 * ts_rank(m.search, "
                        + query
                        + ") AS score FROM hotfix_markdown m JOIN record_facts h ON h.id = m.hotfix_id WHERE m.search @@ "
                        + query);
        // And through the team's own fields' texts (V21), likewise.
        StringBuilder viaFields = new StringBuilder("SELECT DISTINCT 'hotfix' AS kind, h.id, h.number AS n, 0.5 *"
                + " ts_rank(f.search, " + query + ") AS score FROM record_fields f JOIN record_facts h"
                + " ON h.id = f.hotfix_id WHERE f.search @@ " + query);
        filters(hotfixes, args, q, before, "'hotfix'", "h.category", "h.detected_at");
        filters(viaLog, args, q, before, "'hotfix'", "h.category", "h.detected_at");
        filters(viaFields, args, q, before, "'hotfix'", "h.category", "h.detected_at");
        filters(lessons, args, q, null, "'lesson'", "l.category", "l.created_at");
        hotfixes.append(" ORDER BY h.number DESC LIMIT :cap");
        viaLog.append(" ORDER BY h.number DESC LIMIT :cap");
        viaFields.append(" ORDER BY n DESC LIMIT :cap");
        lessons.append(" ORDER BY l.number DESC LIMIT :cap");
        String sql = "WITH best AS (SELECT kind, id, n, max(score) AS score FROM (SELECT * FROM (" + hotfixes
                + ") hc UNION ALL SELECT * FROM (" + viaLog + ") vc UNION ALL SELECT * FROM (" + viaFields
                + ") fc UNION ALL SELECT * FROM (" + lessons + ") lc) c"
                + " GROUP BY kind, id, n ORDER BY score DESC, n DESC LIMIT :limit)"
                + " SELECT b.kind, b.id, ts_headline('english', COALESCE(h.title, l.title), " + query
                + ", :titleOptions), ts_headline('english', CASE WHEN b.kind = 'hotfix' THEN " + HOTFIX_BODY
                + " || ' ' || " + LOG_EXTRAS_BODY + " || ' ' || " + TEAM_FIELDS_BODY + " ELSE " + LESSON_BODY + " END, "
                + query + ", :bodyOptions), b.score, h.severity,"
                + " COALESCE(h.category, l.category), COALESCE(h.detected_at, l.created_at),"
                + " COALESCE(h.operating_rule, l.operating_rule)"
                + " FROM best b LEFT JOIN record_facts h ON b.kind = 'hotfix' AND h.id = b.id"
                + " LEFT JOIN lesson l ON b.kind = 'lesson' AND l.id = b.id"
                + " ORDER BY b.score DESC, b.n DESC";
        args.put("limit", q.limit());
        args.put("titleOptions", "StartSel=\u0002, StopSel=\u0003, HighlightAll=true");
        args.put(
                "bodyOptions",
                "StartSel=\u0002, StopSel=\u0003, MaxWords=24, MinWords=8, ShortWord=2," + " MaxFragments=1");
        return h.createQuery(sql).bindMap(args).map((rs, ctx) -> hit(rs)).list();
    }

    private static void filters(
            StringBuilder sql,
            Map<String, Object> args,
            SearchQuery q,
            Long before,
            String kind,
            String category,
            String at) {
        if (q.kind() != null) {
            sql.append(" AND ").append(kind).append(" = :kind");
            args.put("kind", q.kind());
        }
        if (q.severity() != null) {
            // Lessons have no severity: a severity filter keeps to hotfixes.
            sql.append(kind.equals("'lesson'") ? " AND 1 = 0" : " AND h.severity = :severity");
            args.put("severity", q.severity().json());
        }
        if (q.category() != null) {
            sql.append(" AND LOWER(").append(category).append(") = LOWER(:category)");
            args.put("category", q.category());
        }
        if (q.from() != null) {
            sql.append(" AND ").append(at).append(" >= :from");
            args.put("from", q.from().toEpochMilli());
        }
        if (q.to() != null) {
            sql.append(" AND ").append(at).append(" < :to");
            args.put("to", q.to().toEpochMilli());
        }
        if (before != null) {
            // Similar past fixes: earlier hotfixes only (any lesson; only the hotfixes' part is given a bound).
            sql.append(" AND h.number < :before");
            args.put("before", before);
        }
    }

    private static SearchHit hit(ResultSet rs) throws SQLException {
        long at = rs.getLong(8);
        Instant when = rs.wasNull() ? null : Instant.ofEpochMilli(at);
        return new SearchHit(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(9),
                rs.getDouble(5),
                rs.getString(6),
                rs.getString(7),
                when);
    }
}
