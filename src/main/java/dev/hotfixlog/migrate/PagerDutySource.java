package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.text.Split;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PagerDuty's REST API v2: {@code GET /incidents} in windows of at most 180 days (the API lists the last 30 days
 * unless asked, and a {@code since}/{@code until} window spans at most six months), 100 a page by offset; for each
 * incident its log entries and notes. Classic paging stops at an offset of 10,000, so a crowded window is walked
 * on from its last incident's creation time.
 */
final class PagerDutySource implements Source {
    static final int LIMIT = 100;
    static final Duration WINDOW = Duration.ofDays(180);
    static final int OFFSET_CAP = 10_000;
    /** PagerDuty began in 2009: a window walk from there finds every incident an account has. */
    static final Instant FIRST = Instant.parse("2009-01-01T00:00:00Z");

    private final Fetcher fetcher;
    private final Http http = new Http();
    private final Instant since;
    private final Instant until;

    PagerDutySource(MigrationRequest r, Instant now, Fetcher.Sleeper sleeper) {
        this.fetcher = new Fetcher(
                r.from(),
                Map.of(
                        "Authorization",
                        "Token token=" + (r.token() == null ? "" : r.token()),
                        "Accept",
                        "application/vnd.pagerduty+json;version=2"),
                sleeper,
                r.limits());
        this.since = r.since() == null ? FIRST : r.since();
        this.until = r.until() == null ? now : r.until();
    }

    @Override
    public SourcePage page(String cursor) {
        Instant start = since;
        int offset = 0;
        if (cursor != null) {
            String[] p = Split.on(cursor, ":");
            try {
                start = Instant.ofEpochMilli(Long.parseLong(p[0]));
                offset = Integer.parseInt(p[1]);
            } catch (RuntimeException e) {
                throw ValidationException.of(
                        "cursor", "'" + cursor + "' is not a PagerDuty position; run again " + "with --restart");
            }
        }
        Instant end = start.plus(WINDOW).isBefore(until) ? start.plus(WINDOW) : until;
        String path = "incidents?since=" + Http.enc(start.toString()) + "&until=" + Http.enc(end.toString()) + "&limit="
                + LIMIT + "&offset=" + offset + "&total=false&sort_by=created_at:asc&time_zone=UTC";
        ObjectNode page = fetcher.get(path);
        ArrayNode incidents =
                Http.list(page, "incidents", "incidents (" + start + " to " + end + ", offset " + offset + ")");
        List<Skipped> skipped = new ArrayList<>();
        List<ObjectNode> found = new ArrayList<>();
        Instant last = null;
        for (JsonNode i : incidents) {
            if (!(i instanceof ObjectNode o) || !i.path("id").isTextual()) {
                skipped.add(new Skipped(
                        "offset " + (offset + found.size() + skipped.size()),
                        "an incident without an id: "
                                + Json.write(i)
                                        .substring(0, Math.min(80, Json.write(i).length()))));
                continue;
            }
            String refused = SourceKeys.refusal(o.get("id").asText());
            if (refused != null) { // not fetched by it (its notes' address would hold it), not stored
                skipped.add(new Skipped(SourceKeys.shown(o.get("id").asText()), refused));
                continue;
            }
            found.add(o);
            Instant created = SourceText.instant(o.path("created_at").asText(null));
            last = created != null ? created : last;
        }
        List<SourceDoc> docs = http.each(found, this::withEntries);
        String next;
        if (page.path("more").asBoolean(false) && !incidents.isEmpty()) {
            next = offset + 2 * LIMIT > OFFSET_CAP && last != null && last.isAfter(start)
                    ? last.toEpochMilli() + ":0"
                    : start.toEpochMilli() + ":" + (offset + LIMIT);
        } else {
            next = end.isBefore(until) ? end.toEpochMilli() + ":0" : null;
        }
        return new SourcePage(docs, skipped, next);
    }

    private SourceDoc withEntries(ObjectNode incident) {
        String id = incident.get("id").asText();
        List<String> cut = new ArrayList<>();
        ArrayNode entries = Http.collect(
                fetcher,
                "incidents/" + Http.enc(id) + "/log_entries?limit=" + LIMIT
                        + "&offset=0&is_overview=false&time_zone=UTC",
                "log_entries",
                p -> p.path("more").asBoolean(false)
                        ? "incidents/" + Http.enc(id) + "/log_entries?limit=" + LIMIT + "&offset="
                                + (p.path("offset").asInt(0) + LIMIT) + "&is_overview=false&time_zone=UTC"
                        : null,
                cut);
        ArrayNode notes = Http.collect(fetcher, "incidents/" + Http.enc(id) + "/notes", "notes", p -> null, cut);
        SourceDoc doc = doc(incident, entries, notes);
        Http.markCut(doc, cut);
        return doc;
    }

    static SourceDoc doc(ObjectNode incident, ArrayNode entries, ArrayNode notes) {
        ObjectNode doc = Json.object();
        doc.put("source", PagerDutyTool.NAME);
        doc.set("incident", incident);
        doc.set("log_entries", entries);
        doc.set("notes", notes);
        return new SourceDoc(
                incident.get("id").asText(), doc, incident.path("html_url").asText(null));
    }

    /** A saved page's incident may carry its {@code log_entries} and {@code notes}, as the API lists them. */
    static SourceDoc saved(ObjectNode incident) {
        ObjectNode copy = incident.deepCopy();
        JsonNode entries = copy.remove("log_entries");
        JsonNode notes = copy.remove("notes");
        return doc(
                copy,
                entries instanceof ArrayNode a ? a : Json.mapper().createArrayNode(),
                notes instanceof ArrayNode n ? n : Json.mapper().createArrayNode());
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
