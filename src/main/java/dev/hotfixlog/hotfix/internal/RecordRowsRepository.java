package dev.hotfixlog.hotfix.internal;

import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.Redaction;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.store.MultiRowInsert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A record's child rows: its systems, steps, follow-ups, redactions and team fields, each row known by its key
 * within the record. New records write them all, as one batch per table ({@link Inserts}); an edit writes only
 * the rows that differ between the two versions ({@link #writeDifference}), so changing the owner touches none.
 */
final class RecordRowsRepository {
    /** Each child table, its columns and the columns after {@code hotfix_id} that key a row within its record. */
    enum Table {
        // Each system row repeats its hotfix's type, detection time and number, so repeat incidents are one ordered
        // index scan (metrics; migration V10): a change of those rewrites the record's system rows.
        SYSTEM("hotfix_system", "hotfix_id, ordinal, name, category, detected_at, hotfix_number", "ordinal"),
        STEP("hotfix_step", "hotfix_id, step, done, done_at, done_by", "step"),
        FOLLOW_UP("follow_up", "hotfix_id, kind, description, owner, due_at, done, done_at, link", "kind"),
        REDACTION("hotfix_redaction", "hotfix_id, ordinal, field, kind, redacted_at", "ordinal"),
        FIELD("hotfix_field", "hotfix_id, name, ordinal, text_value, number_value, bool_value", "name", "ordinal");

        final String name;
        final String columns;
        private final List<String> key;

        Table(String name, String columns, String... key) {
            this.name = name;
            this.columns = columns;
            this.key = List.of(key);
        }

        /** A row's key: the values after its {@code hotfix_id}, as many as the key has columns. */
        List<Object> keyOf(Object[] row) {
            return Arrays.asList(row).subList(1, 1 + key.size());
        }

        String deleteByKey() {
            StringBuilder sql = new StringBuilder("DELETE FROM " + name + " WHERE hotfix_id = ?");
            key.forEach(k -> sql.append(" AND ").append(k).append(" = ?"));
            return sql.toString();
        }
    }

    private RecordRowsRepository() {}

    /** Every child row of {@code x}, by table, in the order they are written. */
    static Map<Table, List<Object[]>> of(Hotfix x) {
        Map<Table, List<Object[]>> out = new EnumMap<>(Table.class);
        for (Table t : Table.values()) {
            out.put(t, rows(t, x));
        }
        return out;
    }

    /** The rows of {@code x} in table {@code t}, in the order they are written. */
    private static List<Object[]> rows(Table t, Hotfix x) {
        List<Object[]> out = new ArrayList<>();
        String id = x.id().toString();
        switch (t) {
            case SYSTEM -> {
                List<String> names = x.systemsAffected();
                for (int i = 0; i < names.size(); i++) {
                    out.add(new Object[] {
                        id,
                        i,
                        names.get(i),
                        x.values().text("category"),
                        millis(x.timeline().detectedAt()),
                        x.id().number()
                    });
                }
            }
            case STEP ->
                x.steps().forEach((k, s) -> out.add(new Object[] {id, k.json(), s.done(), millis(s.at()), s.by()}));
            case FOLLOW_UP ->
                x.followUps()
                        .forEach((k, f) -> out.add(new Object[] {
                            id,
                            k.json(),
                            f.description(),
                            f.owner(),
                            millis(f.dueAt()),
                            f.done(),
                            millis(f.doneAt()),
                            f.link()
                        }));
            case REDACTION -> {
                List<Redaction> rs = x.redactions();
                for (int i = 0; i < rs.size(); i++) {
                    Redaction d = rs.get(i);
                    out.add(new Object[] {id, i, d.field(), d.kind(), d.at().toEpochMilli()});
                }
            }
            case FIELD -> out.addAll(CustomFieldRepository.rows(id, x.fields()));
        }
        return out;
    }

    /**
     * Whether {@code t}'s rows of the two versions can differ: false only when everything they are made from is
     * equal (value records all), so an edit of the owner builds and compares no rows at all.
     */
    private static boolean mayDiffer(Table t, Hotfix a, Hotfix b) {
        return switch (t) {
            case SYSTEM ->
                !(a.id().equals(b.id())
                        && a.systemsAffected().equals(b.systemsAffected())
                        && Objects.equals(
                                a.values().text("category"), b.values().text("category"))
                        && Objects.equals(
                                a.timeline().detectedAt(), b.timeline().detectedAt()));
            case STEP -> !a.steps().equals(b.steps());
            case FOLLOW_UP -> !a.followUps().equals(b.followUps());
            case REDACTION -> !a.redactions().equals(b.redactions());
            case FIELD -> !a.fields().equals(b.fields());
        };
    }

    /**
     * Brings the stored child rows of {@code before} to those of {@code after}: a row gone or changed is deleted,
     * a row new or changed is inserted, an equal one is left alone. {@code before} must be what is stored (the
     * record read in this transaction, or one whose version the update just matched). Team fields not defined
     * now are in neither version, so their stored values stay, hidden.
     */
    static void writeDifference(Handle h, Hotfix before, Hotfix after) {
        String id = after.id().toString();
        for (Table t : Table.values()) {
            if (!mayDiffer(t, before, after)) {
                continue;
            }
            Map<List<Object>, Object[]> old = byKey(t, rows(t, before));
            Map<List<Object>, Object[]> now = byKey(t, rows(t, after));
            List<List<Object>> gone = new ArrayList<>();
            List<Object[]> added = new ArrayList<>();
            for (Map.Entry<List<Object>, Object[]> e : old.entrySet()) {
                Object[] next = now.get(e.getKey());
                if (next == null || !Arrays.equals(next, e.getValue())) {
                    gone.add(e.getKey());
                }
            }
            for (Map.Entry<List<Object>, Object[]> e : now.entrySet()) {
                if (!Arrays.equals(old.get(e.getKey()), e.getValue())) {
                    added.add(e.getValue());
                }
            }
            if (!gone.isEmpty()) {
                PreparedBatch batch = h.prepareBatch(t.deleteByKey());
                for (List<Object> key : gone) {
                    batch.bind(0, id);
                    for (int i = 0; i < key.size(); i++) {
                        batch.bind(i + 1, key.get(i));
                    }
                    batch.add();
                }
                batch.execute();
            }
            if (!added.isEmpty()) {
                // Made only when there is something to insert: most edits change no child row at all.
                MultiRowInsert insert = new MultiRowInsert(t.name, t.columns);
                added.forEach(insert::add);
                insert.execute(h);
            }
        }
    }

    private static Map<List<Object>, Object[]> byKey(Table t, List<Object[]> rows) {
        Map<List<Object>, Object[]> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(t.keyOf(r), r));
        return out;
    }

    static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    /**
     * New records and their children, written as one batch per table: the way one create and a 10,000-entry
     * import insert rows is the same, only the batch is larger. Rows are built without a handle, so an import
     * builds them on other threads and only the writing happens in the transaction's thread.
     */
    static final class Inserts {
        private final MultiRowInsert hotfix = new MultiRowInsert("hotfix", HotfixRepository.COLUMNS);
        private final Map<Table, MultiRowInsert> children = new EnumMap<>(Table.class);
        private final MultiRowInsert revisions = new MultiRowInsert("hotfix_revision", RevisionRepository.COLUMNS);

        Inserts() {
            for (Table t : Table.values()) {
                children.put(t, new MultiRowInsert(t.name, t.columns));
            }
        }

        void add(Hotfix x) {
            hotfix.add(HotfixRepository.row(x));
            of(x).forEach((t, rows) -> rows.forEach(children.get(t)::add));
        }

        void addRevision(HotfixId id, Revision rev) {
            revisions.add(RevisionRepository.row(id, rev));
        }

        /** Writes the rows in {@code h}'s transaction, parents first: children refer to their hotfix. */
        void execute(Handle h) {
            try (MultiRowInsert.Statements statements = new MultiRowInsert.Statements(h)) {
                execute(statements);
            }
        }

        /** The same, with the statements of a transaction that writes many batches. */
        void execute(MultiRowInsert.Statements statements) {
            hotfix.execute(statements);
            children.values().forEach(rows -> rows.execute(statements));
            revisions.execute(statements);
        }
    }
}
