package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.text.Split;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opsgenie's Alert API ({@code GET /v2/alerts}) or Incident API ({@code GET /v1/incidents}): oldest first, 100 a
 * page by offset, on the US host ({@code api.opsgenie.com}) or the EU one ({@code api.eu.opsgenie.com}); for each
 * its notes and its log. Opsgenie lists at most offset + limit = 20,000 of one query, so a long history is walked
 * on with a query from the last one's creation time.
 */
final class OpsgenieSource implements Source {
    static final int LIMIT = 100;
    static final int OFFSET_CAP = 20_000;
    private final Fetcher fetcher;
    private final Http http = new Http();
    private final Instant since;
    private final Instant until;
    private final boolean incidents;
    private final String list;
    private final Names teams = new Names(this::teamName);

    /** Its incidents ({@code incidents}) or its alerts. */
    OpsgenieSource(MigrationRequest r, boolean incidents, Fetcher.Sleeper sleeper) {
        this.incidents = incidents;
        this.list = incidents ? "v1/incidents" : "v2/alerts";
        this.fetcher = new Fetcher(
                r.from(),
                Map.of("Authorization", "GenieKey " + (r.token() == null ? "" : r.token())),
                sleeper,
                r.limits());
        this.since = r.since();
        this.until = r.until();
    }

    @Override
    public SourcePage page(String cursor) {
        long after = since == null ? -1 : since.toEpochMilli();
        int offset = 0;
        if (cursor != null) {
            String[] p = Split.on(cursor, ":");
            try {
                after = Long.parseLong(p[0]);
                offset = Integer.parseInt(p[1]);
            } catch (RuntimeException e) {
                throw ValidationException.of(
                        "cursor", "'" + cursor + "' is not an Opsgenie position; run again " + "with --restart");
            }
        }
        List<String> query = new ArrayList<>();
        if (after >= 0) {
            query.add("createdAt>=" + after);
        }
        if (until != null) {
            query.add("createdAt<" + until.toEpochMilli());
        }
        String path = list + "?limit=" + LIMIT + "&offset=" + offset + "&sort=createdAt&order=asc"
                + (query.isEmpty() ? "" : "&query=" + Http.enc(String.join(" AND ", query)));
        ObjectNode page = fetcher.get(path);
        ArrayNode alerts = Http.list(page, "data", list + " (offset " + offset + ")");
        List<Skipped> skipped = new ArrayList<>();
        List<ObjectNode> found = new ArrayList<>();
        long last = -1;
        for (JsonNode a : alerts) {
            if (!(a instanceof ObjectNode o) || !a.path("id").isTextual()) {
                skipped.add(new Skipped(
                        "offset " + (offset + found.size() + skipped.size()),
                        "an " + (incidents ? "incident" : "alert") + " without an id"));
                continue;
            }
            String refused = SourceKeys.refusal(o.get("id").asText());
            if (refused != null) { // not fetched by it (its notes' address would hold it), not stored
                skipped.add(new Skipped(SourceKeys.shown(o.get("id").asText()), refused));
                continue;
            }
            found.add(o);
            Instant created = SourceText.instant(o.path("createdAt").asText(null));
            last = created != null ? created.toEpochMilli() : last;
        }
        List<SourceDoc> docs = http.each(found, this::withNotes);
        boolean more = page.path("paging").hasNonNull("next") && alerts.size() == LIMIT;
        String next = !more
                ? null
                : offset + 2 * LIMIT > OFFSET_CAP && last > after ? last + ":0" : after + ":" + (offset + LIMIT);
        return new SourcePage(docs, skipped, next);
    }

    private SourceDoc withNotes(ObjectNode listed) {
        String id = Http.enc(listed.get("id").asText());
        // The list leaves out an alert's description, details and entity: the record itself has them.
        ObjectNode alert = listed.deepCopy();
        alert.setAll(record(fetcher.get(list + "/" + id + "?identifierType=id"), list + "/" + id));
        alert.set("id", listed.get("id"));
        List<String> cut = new ArrayList<>();
        ArrayNode notes = Http.collect(
                fetcher,
                list + "/" + id + "/notes?identifierType=id&limit=100&order=asc",
                "data",
                OpsgenieSource::nextLink,
                cut);
        ArrayNode logs = Http.collect(
                fetcher,
                list + "/" + id + "/logs?identifierType=id&limit=100&order=asc",
                "data",
                OpsgenieSource::nextLink,
                cut);
        SourceDoc doc = doc(incidents, alert, notes, logs);
        Http.markCut(doc, cut);
        String team = SourceText.text(alert, "ownerTeam");
        if (team != null) {
            doc.doc().set("names", teams.all(List.of(team)));
        }
        return doc;
    }

    private static ObjectNode record(ObjectNode answer, String where) {
        if (!(answer.get("data") instanceof ObjectNode data)) {
            throw ValidationException.of("page", where + " has no \"data\" object");
        }
        return data;
    }

    /** A team's name ({@code GET /v2/teams/{id}}): an incident names its owner team by id. */
    private String teamName(String id) {
        return SourceText.text(
                record(fetcher.get("v2/teams/" + Http.enc(id) + "?identifierType=id"), "v2/teams"), "name");
    }

    private static String nextLink(ObjectNode page) {
        JsonNode next = page.path("paging").get("next");
        return next != null && next.isTextual() && !next.asText().isBlank() ? next.asText() : null;
    }

    /** An alert (or an incident) with its notes and log, as kept: {@code {"source", "alert"|"incident", …}}. */
    static SourceDoc doc(boolean incidents, ObjectNode record, ArrayNode notes, ArrayNode logs) {
        ObjectNode doc = Json.object();
        doc.put("source", incidents ? OpsgenieIncidentsTool.NAME : OpsgenieAlertsTool.NAME);
        doc.set(incidents ? "incident" : "alert", record);
        doc.set("notes", notes);
        doc.set("logs", logs);
        return new SourceDoc(record.get("id").asText(), doc, null);
    }

    /** A saved page's alert or incident may carry its {@code notes} and {@code logs}. */
    static SourceDoc saved(boolean incidents, ObjectNode record) {
        ObjectNode copy = record.deepCopy();
        JsonNode notes = copy.remove("notes");
        JsonNode logs = copy.remove("logs");
        return doc(
                incidents,
                copy,
                notes instanceof ArrayNode a ? a : Json.mapper().createArrayNode(),
                logs instanceof ArrayNode l ? l : Json.mapper().createArrayNode());
    }

    @Override
    public Fetcher.Counts counts() {
        return fetcher.counts();
    }

    @Override
    public void close() {
        http.close();
    }
}
