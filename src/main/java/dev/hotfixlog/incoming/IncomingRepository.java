package dev.hotfixlog.incoming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.text.Split;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The incoming alerts' SQL: {@code incoming_alert}, its items and deliveries (V22); the record through its view. */
final class IncomingRepository {
    private static final String COLUMNS = """
            id, integration, title, severity, systems, links, state, firing, alerts, started_at, first_received_at,
            last_received_at, cleared_at, deliveries, hotfix_id, repeat_of, outcome, outcome_note, decided_by,
            decided_at""";

    /** What a delivery needs to know of the group's live incoming alert. */
    record Live(long id, IncomingAlert.State state, String hotfixId, Long clearedAt) {}

    /** What the incoming feature reads of a record: whether it is completed, and since when. */
    record RecordState(String status, Long resolvedAt) {
        boolean completed() {
            return "completed".equals(status);
        }
    }

    /** An alert's stored word: what a newer delivery is compared with. */
    record Known(String status, Long startsAt) {}

    Live live(Handle h, String liveGroup) {
        return h.createQuery("SELECT id, state, hotfix_id, cleared_at FROM incoming_alert WHERE live_group = :g")
                .bind("g", liveGroup)
                .map((rs, c) -> new Live(
                        rs.getLong("id"),
                        IncomingAlert.State.parse("state", rs.getString("state")),
                        rs.getString("hotfix_id"),
                        nullableLong(rs, "cleared_at")))
                .findOne()
                .orElse(null);
    }

    RecordState record(Handle h, String hotfixId) {
        return h.createQuery("SELECT status, resolved_at FROM record_facts WHERE id = :id")
                .bind("id", hotfixId)
                .map((rs, c) -> new RecordState(rs.getString("status"), nullableLong(rs, "resolved_at")))
                .findOne()
                .orElse(null);
    }

    /** The group's latest incoming alert, live or not: where a late resolution of a finished group goes. */
    Live latest(Handle h, String integration, String groupHash) {
        return h.createQuery("SELECT id, state, hotfix_id, cleared_at FROM incoming_alert WHERE integration = :i "
                        + "AND group_hash = :g ORDER BY id DESC LIMIT 1")
                .bind("i", integration)
                .bind("g", groupHash)
                .map((rs, c) -> new Live(
                        rs.getLong("id"),
                        IncomingAlert.State.parse("state", rs.getString("state")),
                        rs.getString("hotfix_id"),
                        nullableLong(rs, "cleared_at")))
                .findOne()
                .orElse(null);
    }

    /**
     * Takes the incoming alert's row lock for the rest of the transaction (a no-op update: SQLite has no
     * {@code FOR UPDATE}, and its one writer holds the whole database anyway): two deliveries of one group then
     * merge their alerts and recount one after the other, never from the same stale reading.
     */
    void lock(Handle h, long id) {
        h.createUpdate("UPDATE incoming_alert SET version = version WHERE id = :id")
                .bind("id", id)
                .execute();
    }

    void release(Handle h, long id) {
        h.createUpdate("UPDATE incoming_alert SET live_group = NULL WHERE id = :id")
                .bind("id", id)
                .execute();
    }

    /**
     * The group's live incoming alert, made now unless another delivery made it first: the unique live_group
     * decides between simultaneous first deliveries, on either database.
     */
    long open(
            Handle h,
            String integration,
            String groupHash,
            String liveGroup,
            String groupKey,
            String title,
            long receivedAt,
            String repeatOf) {
        h.createUpdate("""
                        INSERT INTO incoming_alert (integration, group_hash, live_group, group_key, title, systems, links,
                            state, firing, alerts, first_received_at, last_received_at, deliveries, repeat_of, version)
                        VALUES (:integration, :hash, :live, :key, :title, '', '{}', 'open', 0, 0, :at, :at, 0, :repeatOf, 1)
                        ON CONFLICT (live_group) DO NOTHING""")
                .bind("integration", integration)
                .bind("hash", groupHash)
                .bind("live", liveGroup)
                .bind("key", groupKey)
                .bind("title", title)
                .bind("at", receivedAt)
                .bind("repeatOf", repeatOf)
                .execute();
        return h.createQuery("SELECT id FROM incoming_alert WHERE live_group = :g")
                .bind("g", liveGroup)
                .mapTo(Long.class)
                .one();
    }

    Map<String, Known> known(Handle h, long id) {
        Map<String, Known> out = new LinkedHashMap<>();
        h.createQuery("SELECT fingerprint, status, starts_at FROM incoming_alert_item WHERE incoming_id = :id")
                .bind("id", id)
                .map((rs, c) -> Map.entry(
                        rs.getString("fingerprint"), new Known(rs.getString("status"), nullableLong(rs, "starts_at"))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    void putItem(Handle h, long id, AlertBatch.Item a, boolean exists) {
        String sql = exists ? """
                UPDATE incoming_alert_item SET status = :status, name = :name, starts_at = :starts, ends_at = :ends,
                    generator_url = :url, labels = :labels, annotations = :annotations
                WHERE incoming_id = :id AND fingerprint = :fp""" : """
                INSERT INTO incoming_alert_item (incoming_id, fingerprint, status, name, starts_at, ends_at,
                    generator_url, labels, annotations)
                VALUES (:id, :fp, :status, :name, :starts, :ends, :url, :labels, :annotations)
                ON CONFLICT (incoming_id, fingerprint) DO NOTHING""";
        h.createUpdate(sql)
                .bind("id", id)
                .bind("fp", a.fingerprint())
                .bind("status", a.status())
                .bind("name", a.name())
                .bind("starts", millis(a.startsAt()))
                .bind("ends", millis(a.endsAt()))
                .bind("url", a.links().get("source"))
                .bind("labels", json(a.labels()))
                .bind("annotations", json(a.annotations()))
                .execute();
    }

    /** The group's counts as its items now say: firing, seen, earliest start, and the latest resolution. */
    record Counts(int firing, int alerts, Long startedAt, Long lastEnd) {}

    Counts counts(Handle h, long id) {
        return h.createQuery("""
                        SELECT SUM(CASE WHEN status = 'firing' THEN 1 ELSE 0 END) AS firing, COUNT(*) AS alerts,
                               MIN(starts_at) AS started, MAX(ends_at) AS last_end
                        FROM incoming_alert_item WHERE incoming_id = :id""")
                .bind("id", id)
                .map((rs, c) -> new Counts(
                        rs.getInt("firing"),
                        rs.getInt("alerts"),
                        nullableLong(rs, "started"),
                        nullableLong(rs, "last_end")))
                .one();
    }

    void update(
            Handle h,
            long id,
            String title,
            String severity,
            List<String> systems,
            Map<String, String> links,
            Counts counts,
            Long clearedAt,
            long receivedAt) {
        h.createUpdate("""
                        UPDATE incoming_alert SET title = :title, severity = :severity, systems = :systems,
                            links = :links, firing = :firing, alerts = :alerts, started_at = :started,
                            cleared_at = :cleared, last_received_at = :at, deliveries = deliveries + 1,
                            version = version + 1
                        WHERE id = :id""")
                .bind("id", id)
                .bind("title", title)
                .bind("severity", severity)
                .bind("systems", String.join("\n", systems))
                .bind("links", json(links))
                .bind("firing", counts.firing())
                .bind("alerts", counts.alerts())
                .bind("started", counts.startedAt())
                .bind("cleared", clearedAt)
                .bind("at", receivedAt)
                .execute();
    }

    /** Keeps the delivery: a body already kept for this alert only counts once more. */
    void keep(Handle h, long id, String bodyHash, String status, String body, long receivedAt) {
        h.createUpdate("""
                        INSERT INTO incoming_delivery (incoming_id, body_hash, status, body, first_received_at,
                            last_received_at, times)
                        VALUES (:id, :hash, :status, :body, :at, :at, 1)
                        ON CONFLICT (incoming_id, body_hash)
                        DO UPDATE SET times = incoming_delivery.times + 1, last_received_at = :at""")
                .bind("id", id)
                .bind("hash", bodyHash)
                .bind("status", status)
                .bind("body", body)
                .bind("at", receivedAt)
                .execute();
    }

    /** Moves an open incoming alert to its decision; false when someone else decided first. */
    boolean decide(
            Handle h,
            long id,
            IncomingAlert.State state,
            Outcome outcome,
            String note,
            String hotfixId,
            String actor,
            long at,
            boolean release) {
        return h.createUpdate("UPDATE incoming_alert SET state = :state, outcome = :outcome, outcome_note = :note, "
                                + "hotfix_id = :hotfix, decided_by = :actor, decided_at = :at, version = version + 1"
                                + (release ? ", live_group = NULL" : "") + " WHERE id = :id AND state = 'open'")
                        .bind("id", id)
                        .bind("state", state.json())
                        .bind("outcome", outcome.json())
                        .bind("note", note)
                        .bind("hotfix", hotfixId)
                        .bind("actor", actor)
                        .bind("at", at)
                        .execute()
                == 1;
    }

    IncomingAlert find(Handle h, long id, boolean whole) {
        IncomingAlert a = h.createQuery("SELECT " + COLUMNS + " FROM incoming_alert WHERE id = :id")
                .bind("id", id)
                .map((rs, c) -> alert(rs, List.of(), List.of()))
                .findOne()
                .orElse(null);
        if (a == null || !whole) {
            return a;
        }
        List<IncomingAlert.Item> items = h.createQuery("""
                        SELECT fingerprint, name, status, starts_at, ends_at, generator_url, labels, annotations
                        FROM incoming_alert_item WHERE incoming_id = :id ORDER BY starts_at, fingerprint""")
                .bind("id", id)
                .map((rs, c) -> new IncomingAlert.Item(
                        rs.getString("fingerprint"),
                        rs.getString("name"),
                        rs.getString("status"),
                        instant(rs, "starts_at"),
                        instant(rs, "ends_at"),
                        rs.getString("generator_url"),
                        strings(rs.getString("labels")),
                        strings(rs.getString("annotations"))))
                .list();
        List<IncomingAlert.Delivery> received = h.createQuery("""
                        SELECT status, body, first_received_at, last_received_at, times FROM incoming_delivery
                        WHERE incoming_id = :id ORDER BY last_received_at DESC, id DESC LIMIT 50""")
                .bind("id", id)
                .map((rs, c) -> new IncomingAlert.Delivery(
                        rs.getString("status"),
                        rs.getString("body"),
                        instant(rs, "first_received_at"),
                        instant(rs, "last_received_at"),
                        rs.getInt("times")))
                .list();
        return new IncomingAlert(
                a.id(),
                a.integration(),
                a.title(),
                a.severity(),
                a.systems(),
                a.links(),
                a.state(),
                a.firing(),
                a.alerts(),
                a.startedAt(),
                a.firstAt(),
                a.lastAt(),
                a.clearedAt(),
                a.deliveries(),
                a.hotfixId(),
                a.repeatOf(),
                a.outcome(),
                a.outcomeNote(),
                a.decidedBy(),
                a.decidedAt(),
                items,
                received);
    }

    List<IncomingAlert> list(Handle h, IncomingAlert.State state, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM incoming_alert"
                        + (state == null ? "" : " WHERE state = :state") + " ORDER BY id DESC LIMIT :limit")
                .bind("state", state == null ? null : state.json())
                .bind("limit", limit)
                .map((rs, c) -> alert(rs, List.of(), List.of()))
                .list();
    }

    /** The incoming alerts a hotfix was declared from. */
    List<IncomingAlert> ofHotfix(Handle h, String hotfixId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM incoming_alert WHERE hotfix_id = :h ORDER BY id")
                .bind("h", hotfixId)
                .map((rs, c) -> alert(rs, List.of(), List.of()))
                .list();
    }

    private static IncomingAlert alert(
            ResultSet rs, List<IncomingAlert.Item> items, List<IncomingAlert.Delivery> received) throws SQLException {
        String systems = rs.getString("systems");
        String outcome = rs.getString("outcome");
        return new IncomingAlert(
                rs.getLong("id"),
                rs.getString("integration"),
                rs.getString("title"),
                rs.getString("severity"),
                systems.isEmpty() ? List.of() : Arrays.asList(Split.on(systems, "\n")),
                strings(rs.getString("links")),
                IncomingAlert.State.parse("state", rs.getString("state")),
                rs.getInt("firing"),
                rs.getInt("alerts"),
                instant(rs, "started_at"),
                instant(rs, "first_received_at"),
                instant(rs, "last_received_at"),
                instant(rs, "cleared_at"),
                rs.getInt("deliveries"),
                rs.getString("hotfix_id"),
                rs.getString("repeat_of"),
                outcome == null ? null : Outcome.parse("outcome", outcome),
                rs.getString("outcome_note"),
                rs.getString("decided_by"),
                instant(rs, "decided_at"),
                items,
                received);
    }

    private static String json(Map<String, String> m) {
        ObjectNode o = Json.object();
        m.forEach(o::put);
        return Json.write(o);
    }

    private static Map<String, String> strings(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        Json.parseObject(json)
                .fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Long v = nullableLong(rs, column);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(Split.on(s, "\n")));
    }
}
