package dev.hotfixlog.hotfix.internal;

import static dev.hotfixlog.hotfix.internal.RecordRowsRepository.millis;

import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.FieldKind;
import dev.hotfixlog.hotfix.FieldValues;
import dev.hotfixlog.hotfix.FollowUp;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.RecordField;
import dev.hotfixlog.hotfix.RecordFields;
import dev.hotfixlog.hotfix.Redaction;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.Step;
import dev.hotfixlog.hotfix.StepKind;
import dev.hotfixlog.hotfix.Timeline;
import dev.hotfixlog.hotfix.Triage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * The hotfix record's rows: the record with its systems, steps, follow-ups, redactions and team fields (those
 * written by {@link RecordRowsRepository}). Its history is {@link RevisionRepository}'s, its numbers
 * {@link IdCounterRepository}'s, the idempotency keys of its creates {@link IdempotencyRepository}'s. Every method runs inside a transaction its caller opened ({@code Database.read}
 * or {@code Database.write}); the same statements run on SQLite and PostgreSQL.
 */
public final class HotfixRepository {
    /**
     * The table's columns in order, each with the name {@link #scalars} (plus {@code number} and
     * {@code createdAt}, which never change) gives its value under: one list for the reads and the inserts.
     */
    private static final List<Map.Entry<String, String>> COLUMN_VALUES = columnValues();

    static final String COLUMNS = COLUMN_VALUES.stream().map(Map.Entry::getKey).collect(Collectors.joining(", "));

    private final CustomFields custom;

    /** {@code custom}: the team's fields, whose values are read and written with the record's. */
    public HotfixRepository(CustomFields custom) {
        this.custom = custom;
    }

    /** The record's own columns, then the catalogue's plain fields' (their values under their API names). */
    private static List<Map.Entry<String, String>> columnValues() {
        List<Map.Entry<String, String>> out = new ArrayList<>(List.of(
                Map.entry("id", "id"),
                Map.entry("number", "number"),
                Map.entry("title", "title"),
                Map.entry("severity", "severity"),
                Map.entry("status", "status"),
                Map.entry("owner", "owner"),
                Map.entry("detected_at", "detectedAt"),
                Map.entry("alerted_at", "alertedAt"),
                Map.entry("fix_deployed_at", "fixDeployedAt"),
                Map.entry("resolved_at", "resolvedAt"),
                Map.entry("alerts_cleared_at", "alertsClearedAt"),
                Map.entry("explicit_duration_seconds", "durationSeconds"),
                Map.entry("production_down", "productionDown"),
                Map.entry("can_wait", "canWait"),
                Map.entry("triage_outcome", "outcome")));
        for (RecordField f : RecordFields.plain()) {
            out.add(Map.entry(f.column(), f.name()));
        }
        out.addAll(List.of(
                Map.entry("version", "version"),
                Map.entry("created_at", "createdAt"),
                Map.entry("updated_at", "updatedAt")));
        return List.copyOf(out);
    }

    /** The columns an update may write: every one but those that never change. */
    private static final List<Map.Entry<String, String>> UPDATABLE = COLUMN_VALUES.stream()
            .filter(c -> !Set.of("id", "number", "created_at").contains(c.getKey()))
            .toList();

    /** Deletes the record; its child rows go with it (ON DELETE CASCADE). */
    public void delete(Handle h, HotfixId id) {
        h.createUpdate("DELETE FROM hotfix WHERE id = :id")
                .bind("id", id.toString())
                .execute();
    }

    public void insert(Handle h, Hotfix x) {
        RecordRowsRepository.Inserts batch = new RecordRowsRepository.Inserts();
        batch.add(x);
        batch.execute(h);
    }

    /** The ids of all stored records (an import asks once instead of once per entry). */
    public Set<String> ids(Handle h) {
        return new HashSet<>(
                h.createQuery("SELECT id FROM hotfix").mapTo(String.class).list());
    }

    /**
     * Which of these ids the log has. Few ids (a migration's page, whose records are mostly new) are looked up by
     * key; many (a whole log's page) read every id once, which is cheaper than thousands of lookups.
     */
    public Set<String> ids(Handle h, Collection<String> wanted) {
        if (wanted.isEmpty()) {
            return Set.of();
        }
        if (wanted.size() > 500) {
            return ids(h);
        }
        return new HashSet<>(h.createQuery("SELECT id FROM hotfix WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(wanted))
                .mapTo(String.class)
                .list());
    }

    /**
     * Writes {@code after} over the stored record if it is still exactly {@code before} (its version and update time:
     * every write raises the one and sets the other); false otherwise. {@code before} is what is stored (read in this
     * transaction, or a copy a write of this instance left: {@link RecordCache}): only the columns and child rows that
     * differ from its are written ({@link RecordRowsRepository#writeDifference}).
     */
    public boolean update(Handle h, Hotfix before, Hotfix after) {
        Map<String, Object> was = scalars(before);
        Map<String, Object> is = scalars(after);
        // Only the columns whose values differ (the version always does): an unchanged indexed column costs its
        // indexes nothing, and an owner change writes what a hand-written UPDATE would. Only those are bound.
        List<Map.Entry<String, String>> changed = UPDATABLE.stream()
                .filter(c -> !Objects.equals(was.get(c.getValue()), is.get(c.getValue())))
                .toList();
        String set =
                changed.stream().map(c -> c.getKey() + " = :" + c.getValue()).collect(Collectors.joining(", "));
        Update update = h.createUpdate("UPDATE hotfix SET " + set
                + " WHERE id = :id AND version = :expectedVersion AND updated_at = :expectedUpdatedAt");
        changed.forEach(c -> update.bind(c.getValue(), is.get(c.getValue())));
        int rows = update.bind("id", before.id().toString())
                .bind("expectedVersion", before.version())
                .bind("expectedUpdatedAt", before.updatedAt().toEpochMilli())
                .execute();
        if (rows == 0) {
            return false;
        }
        RecordRowsRepository.writeDifference(h, before, after);
        return true;
    }

    /** The record's own row, in {@link #COLUMNS}' order. */
    static Object[] row(Hotfix x) {
        Map<String, Object> m = scalars(x);
        m.put("number", x.id().number());
        m.put("createdAt", x.createdAt().toEpochMilli());
        return COLUMN_VALUES.stream().map(c -> m.get(c.getValue())).toArray();
    }

    private static Map<String, Object> scalars(Hotfix x) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", x.id().toString());
        m.put("title", x.title());
        m.put("severity", x.severity().json());
        m.put("status", x.status().json());
        m.put("owner", x.owner());
        Timeline t = x.timeline();
        m.put("detectedAt", millis(t.detectedAt()));
        m.put("alertedAt", millis(t.alertedAt()));
        m.put("fixDeployedAt", millis(t.fixDeployedAt()));
        m.put("resolvedAt", millis(t.resolvedAt()));
        m.put("alertsClearedAt", millis(t.alertsClearedAt()));
        m.put(
                "durationSeconds",
                t.explicitDuration() == null ? null : t.explicitDuration().getSeconds());
        m.put("productionDown", x.triage().productionDown());
        m.put("canWait", x.triage().canWait());
        Triage.Outcome o = x.triage().outcome();
        m.put("outcome", o == null ? null : o.json());
        for (RecordField f : RecordFields.plain()) {
            m.put(f.name(), x.values().get(f.name()));
        }
        m.put("version", x.version());
        m.put("updatedAt", x.updatedAt().toEpochMilli());
        return m;
    }

    public Optional<Hotfix> find(Handle h, HotfixId id) {
        List<Hotfix> found = load(
                h,
                h.createQuery("SELECT " + COLUMNS + " FROM hotfix WHERE id = :id")
                        .bind("id", id.toString()));
        return found.stream().findFirst();
    }

    /** Up to {@code limit + 1} hotfixes, newest first; the extra one tells the caller there is a next page. */
    /** {@code byField}: team field name → the value it must hold (checked by {@link CustomFields#filters}). */
    public List<Hotfix> page(Handle h, HotfixQuery q, Map<String, Object> byField) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM hotfix WHERE 1 = 1");
        Map<String, Object> args = new HashMap<>();
        if (q.status() != null) {
            sql.append(" AND status = :status");
            args.put("status", q.status().json());
        }
        if (q.severity() != null) {
            sql.append(" AND severity = :severity");
            args.put("severity", q.severity().json());
        }
        if (q.text() != null) {
            // Plain substring search (full-text ranking is the search feature's); LIKE wildcards typed by the
            // user are matched literally.
            sql.append(" AND LOWER(COALESCE(title, '') || ' ' || COALESCE(owner, '') || ' ' || COALESCE(problem, '')"
                    + " || ' ' || COALESCE(change_made, '') || ' ' || COALESCE(root_cause, '')) LIKE :text ESCAPE '!'");
            args.put(
                    "text",
                    "%"
                            + q.text()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("!", "!!")
                                    .replace("%", "!%")
                                    .replace("_", "!_")
                            + "%");
        }
        if (q.resolvedSince() != null) {
            sql.append(" AND COALESCE(resolved_at, updated_at) >= :since");
            args.put("since", q.resolvedSince().toEpochMilli());
        }
        if (q.before() != null) {
            sql.append(" AND number < :before");
            args.put("before", q.before());
        }
        int k = 0;
        for (Map.Entry<String, Object> f : byField.entrySet()) {
            sql.append(CustomFieldRepository.filter(k++, f.getKey(), f.getValue(), args));
        }
        sql.append(" ORDER BY number DESC LIMIT :limit");
        args.put("limit", q.limit() + 1);
        return load(h, h.createQuery(sql.toString()).bindMap(args));
    }

    private List<Hotfix> load(Handle h, Query query) {
        List<Row> rows = query.map((rs, ctx) -> Row.of(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(r -> r.id).toList();
        RecordChildrenRepository children = RecordChildrenRepository.load(h, ids);
        Map<String, Map<String, Object>> team = CustomFieldRepository.load(h, custom, ids);
        List<Hotfix> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(r.toHotfix(
                    children.systems(r.id),
                    children.steps(r.id),
                    children.followUps(r.id),
                    children.redactions(r.id),
                    new FieldValues(team.get(r.id))));
        }
        return out;
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** One row of the hotfix table, before its child rows are attached. */
    private record Row(String id, Hotfix partial) {
        static Row of(ResultSet rs) throws SQLException {
            Long seconds =
                    rs.getObject("explicit_duration_seconds") == null ? null : rs.getLong("explicit_duration_seconds");
            Map<String, Object> plain = new HashMap<>();
            for (RecordField f : RecordFields.plain()) {
                plain.put(
                        f.name(),
                        f.kind() == FieldKind.NUMBER ? nullableInt(rs, f.column()) : rs.getString(f.column()));
            }
            Hotfix partial = new Hotfix(
                    HotfixId.parse(rs.getString("id")),
                    rs.getString("title"),
                    Severity.stored("severity", rs.getString("severity")),
                    rs.getString("owner"),
                    List.of(),
                    new Timeline(
                            instant(rs, "detected_at"),
                            instant(rs, "alerted_at"),
                            instant(rs, "fix_deployed_at"),
                            instant(rs, "resolved_at"),
                            seconds == null ? null : Duration.ofSeconds(seconds),
                            instant(rs, "alerts_cleared_at")),
                    Status.parse("status", rs.getString("status")),
                    new Triage(nullableBoolean(rs, "production_down"), nullableBoolean(rs, "can_wait")),
                    null,
                    null,
                    new FieldValues(plain),
                    FieldValues.EMPTY,
                    rs.getInt("version"),
                    Instant.ofEpochMilli(rs.getLong("created_at")),
                    Instant.ofEpochMilli(rs.getLong("updated_at")),
                    null);
            return new Row(partial.id().toString(), partial);
        }

        Hotfix toHotfix(
                List<String> systems,
                Map<StepKind, Step> steps,
                Map<FollowUpKind, FollowUp> followUps,
                List<Redaction> redactions,
                FieldValues teamFields) {
            Hotfix p = partial;
            return new Hotfix(
                    p.id(),
                    p.title(),
                    p.severity(),
                    p.owner(),
                    systems,
                    p.timeline(),
                    p.status(),
                    p.triage(),
                    steps,
                    followUps,
                    p.values(),
                    teamFields,
                    p.version(),
                    p.createdAt(),
                    p.updatedAt(),
                    redactions);
        }
    }
}
