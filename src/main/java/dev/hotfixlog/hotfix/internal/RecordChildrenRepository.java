package dev.hotfixlog.hotfix.internal;

import static dev.hotfixlog.hotfix.internal.HotfixRepository.instant;

import dev.hotfixlog.hotfix.FollowUp;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Redaction;
import dev.hotfixlog.hotfix.Step;
import dev.hotfixlog.hotfix.StepKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The systems, steps, follow-ups and redactions of some records, read in one statement: a {@code UNION ALL} of
 * the four tables with the table's number first. One statement instead of four matters to every read of a record
 * and most to an edit, which reads the record it changes: SQLite's driver compiles each statement again every time
 * (issue 32). Each branch's columns are cast so that both databases give every column one type.
 */
record RecordChildrenRepository(
        Map<String, List<String>> systemsById,
        Map<String, Map<StepKind, Step>> stepsById,
        Map<String, Map<FollowUpKind, FollowUp>> followUpsById,
        Map<String, List<Redaction>> redactionsById) {

    private static final int SYSTEM = 0;
    private static final int STEP = 1;
    private static final int FOLLOW_UP = 2;
    private static final int REDACTION = 3;

    /**
     * Columns: table, hotfix_id, ordinal, four texts, two times, a flag. Ordered by table and ordinal, so systems and
     * redactions come in their records' order (steps and follow-ups are keyed by kind, their order is irrelevant).
     */
    private static final String SQL = """
            SELECT 0 AS t, hotfix_id, ordinal AS o, name AS s1, CAST(NULL AS TEXT) AS s2, CAST(NULL AS TEXT) AS s3,
                   CAST(NULL AS TEXT) AS s4, CAST(NULL AS BIGINT) AS n1, CAST(NULL AS BIGINT) AS n2,
                   CAST(NULL AS BOOLEAN) AS b
            FROM hotfix_system WHERE hotfix_id IN (<ids>)
            UNION ALL
            SELECT 1, hotfix_id, 0, step, done_by, NULL, NULL, done_at, NULL, done
            FROM hotfix_step WHERE hotfix_id IN (<ids>)
            UNION ALL
            SELECT 2, hotfix_id, 0, kind, description, owner, link, due_at, done_at, done
            FROM follow_up WHERE hotfix_id IN (<ids>)
            UNION ALL
            SELECT 3, hotfix_id, ordinal, field, kind, NULL, NULL, redacted_at, NULL, NULL
            FROM hotfix_redaction WHERE hotfix_id IN (<ids>)
            ORDER BY 1, 3""";

    static RecordChildrenRepository load(Handle h, List<String> ids) {
        RecordChildrenRepository out =
                new RecordChildrenRepository(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        h.createQuery(SQL).bindList("ids", ids).map((rs, ctx) -> out.add(rs)).forEach(t -> {});
        return out;
    }

    private int add(ResultSet rs) throws SQLException {
        int table = rs.getInt(1);
        String id = rs.getString(2);
        switch (table) {
            case SYSTEM ->
                systemsById.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString(4));
            case STEP -> {
                boolean done = rs.getBoolean(10);
                stepsById
                        .computeIfAbsent(id, k -> new EnumMap<>(StepKind.class))
                        .put(
                                StepKind.fromJson(rs.getString(4)).orElseThrow(),
                                new Step(done, done ? instant(rs, 8) : null, rs.getString(5)));
            }
            case FOLLOW_UP -> {
                boolean done = rs.getBoolean(10);
                followUpsById
                        .computeIfAbsent(id, k -> new EnumMap<>(FollowUpKind.class))
                        .put(
                                FollowUpKind.fromJson(rs.getString(4)).orElseThrow(),
                                new FollowUp(
                                        rs.getString(5),
                                        rs.getString(6),
                                        instant(rs, 8),
                                        done,
                                        done ? instant(rs, 9) : null,
                                        rs.getString(7)));
            }
            case REDACTION ->
                redactionsById
                        .computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new Redaction(rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(8))));
            default -> throw new IllegalStateException("unknown child table " + table);
        }
        return table;
    }

    List<String> systems(String id) {
        return systemsById.getOrDefault(id, List.of());
    }

    Map<StepKind, Step> steps(String id) {
        return stepsById.get(id);
    }

    Map<FollowUpKind, FollowUp> followUps(String id) {
        return followUpsById.get(id);
    }

    List<Redaction> redactions(String id) {
        return redactionsById.get(id);
    }
}
