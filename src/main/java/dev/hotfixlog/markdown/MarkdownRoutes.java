package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/v1/export} and {@code POST /api/v1/import}: a thin projection of {@link MarkdownService}. */
public final class MarkdownRoutes {
    private final MarkdownService service;

    public MarkdownRoutes(MarkdownService service) {
        this.service = service;
    }

    public void register(RoutesConfig r) {
        r.get("/api/v1/export", this::export, Role.VIEWER);
        r.post("/api/v1/import", this::importLog, Role.RESPONDER);
        // For a browser link from the record page (a link cannot ask for Accept: text/markdown). Plain text, so
        // the browser shows it instead of downloading it.
        r.get("/hotfixes/{id}/markdown", this::one, Role.VIEWER);
    }

    private void one(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8").result(service.exportOne(HotfixId.fromPath(ctx.pathParam("id"))));
    }

    private void export(Context ctx) {
        LogFormat format = LogFormat.parse("format", ctx.queryParam("format"));
        ctx.contentType("text/markdown; charset=utf-8")
                .header(
                        "Content-Disposition",
                        "inline; filename=\"hotfix-log" + (format == LogFormat.FULL ? "-full" : "") + ".md\"")
                .result(service.export(format));
    }

    private void importLog(Context ctx) {
        boolean dryRun = Requests.boolQuery(ctx, "dryRun");
        boolean renumber = Requests.boolQuery(ctx, "renumber");
        ImportReport report =
                service.importLog(LogPage.of(Requests.body(ctx)), dryRun, renumber, Requests.actor(ctx), n -> {});
        List<String> touched = new ArrayList<>(report.created());
        touched.addAll(report.updated());
        ctx.attribute(
                Requests.AUDIT_SUBJECT,
                touched.isEmpty() ? "import: nothing changed" : "import: " + String.join(", ", touched));
        ctx.contentType("application/json").result(Json.write(write(report)));
    }

    static ObjectNode write(ImportReport r) {
        ObjectNode o = Json.object();
        o.put("dryRun", r.dryRun());
        list(o.putArray("created"), r.created());
        list(o.putArray("updated"), r.updated());
        list(o.putArray("unchanged"), r.unchanged());
        list(o.putArray("skipped"), r.skipped());
        // The counts stay numbers (what the log holds after the import); the merge item by item is beside them.
        o.put("emergencyTypes", r.emergencyTypes().total());
        o.put("warningSigns", r.warningSigns().total());
        write(o.putObject("emergencyTypeChanges"), r.emergencyTypes());
        write(o.putObject("warningSignChanges"), r.warningSigns());
        list(o.putArray("conflicts"), r.conflicts());
        return o;
    }

    static ImportReport read(ObjectNode o) {
        return new ImportReport(
                o.path("dryRun").asBoolean(),
                strings(o, "created"),
                strings(o, "updated"),
                strings(o, "unchanged"),
                strings(o, "skipped"),
                changes(o, "emergencyTypes"),
                changes(o, "warningSigns"),
                strings(o, "conflicts"));
    }

    private static void write(ObjectNode o, ListChanges c) {
        list(o.putArray("added"), c.added());
        list(o.putArray("updated"), c.updated());
        list(o.putArray("unchanged"), c.unchanged());
        list(o.putArray("kept"), c.kept());
        list(o.putArray("removed"), c.removed());
    }

    /** {@code emergencyTypes} and {@code warningSigns}: the total, and beside it the changes item by item. */
    private static ListChanges changes(ObjectNode o, String list) {
        ObjectNode c =
                o.path(list.substring(0, list.length() - 1) + "Changes") instanceof ObjectNode n ? n : Json.object();
        return new ListChanges(
                strings(c, "added"),
                strings(c, "updated"),
                strings(c, "unchanged"),
                strings(c, "kept"),
                strings(c, "removed"),
                o.path(list).asInt());
    }

    private static void list(ArrayNode a, List<String> items) {
        items.forEach(a::add);
    }

    private static List<String> strings(ObjectNode o, String name) {
        List<String> out = new ArrayList<>();
        o.path(name).forEach(n -> out.add(n.asText()));
        return out;
    }
}
