package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Grafana OnCall's public API: {@code GET /api/v1/alert_groups/}, page after page by its {@code next} link, and
 * each group's {@code /api/v1/resolution_notes/?alert_group_id=}. The list is newest first, so a group that
 * arrives during the run pushes older ones a page on: they are seen twice (the second time skipped), never missed.
 */
final class OnCallSource implements Source {
    private final Fetcher fetcher;
    private final Http http = new Http();
    private final Instant since;
    private final Instant until;
    private final Names names = new Names(this::userName);

    OnCallSource(MigrationRequest r, Fetcher.Sleeper sleeper) {
        this.fetcher =
                new Fetcher(r.from(), Map.of("Authorization", r.token() == null ? "" : r.token()), sleeper, r.limits());
        this.since = r.since();
        this.until = r.until();
    }

    @Override
    public SourcePage page(String cursor) {
        String url = cursor == null ? "api/v1/alert_groups/" : cursor;
        ObjectNode page = fetcher.get(url);
        ArrayNode groups = Http.list(page, "results", "alert_groups");
        List<Skipped> skipped = new ArrayList<>();
        List<ObjectNode> found = new ArrayList<>();
        for (JsonNode g : groups) {
            if (!(g instanceof ObjectNode o) || !g.path("id").isTextual()) {
                skipped.add(
                        new Skipped("page item " + (found.size() + skipped.size()), "an alert group without an id"));
                continue;
            }
            String refused = SourceKeys.refusal(o.get("id").asText());
            if (refused != null) { // not fetched by it (its notes' address would hold it), not stored
                skipped.add(new Skipped(SourceKeys.shown(o.get("id").asText()), refused));
                continue;
            }
            Instant created = SourceText.instant(o.path("created_at").asText(null));
            if (created != null
                    && (since != null && created.isBefore(since) || until != null && !created.isBefore(until))) {
                continue; // outside the asked window: not this run's
            }
            found.add(o);
        }
        List<SourceDoc> docs = http.each(found, this::withNotes);
        JsonNode next = page.get("next");
        return new SourcePage(
                docs,
                skipped,
                next != null && next.isTextual() && !next.asText().isBlank() ? next.asText() : null);
    }

    private SourceDoc withNotes(ObjectNode group) {
        List<String> cut = new ArrayList<>();
        ArrayNode notes = Http.collect(
                fetcher,
                "api/v1/resolution_notes/?alert_group_id="
                        + Http.enc(group.get("id").asText()),
                "results",
                p -> {
                    JsonNode n = p.get("next");
                    return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
                },
                cut);
        SourceDoc doc = doc(group, notes);
        Http.markCut(doc, cut);
        List<String> users = new ArrayList<>();
        users.add(SourceText.text(group, "resolved_by"));
        users.add(SourceText.text(group, "acknowledged_by"));
        notes.forEach(n -> users.add(SourceText.text(n, "author")));
        doc.doc().set("names", names.all(users));
        return doc;
    }

    /** A user's name ({@code GET /api/v1/users/{id}/}): OnCall names people by id in its alert groups. */
    private String userName(String id) {
        ObjectNode user = fetcher.get("api/v1/users/" + Http.enc(id) + "/");
        String name = SourceText.text(user, "username");
        return name != null ? name : SourceText.text(user, "email");
    }

    static SourceDoc doc(ObjectNode group, ArrayNode notes) {
        ObjectNode doc = Json.object();
        doc.put("source", GrafanaOnCallTool.NAME);
        doc.set("alert_group", group);
        doc.set("resolution_notes", notes);
        return new SourceDoc(
                group.get("id").asText(),
                doc,
                group.path("permalinks").path("web").asText(null));
    }

    static SourceDoc saved(ObjectNode group) {
        ObjectNode copy = group.deepCopy();
        JsonNode notes = copy.remove("resolution_notes");
        return doc(copy, notes instanceof ArrayNode a ? a : Json.mapper().createArrayNode());
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
