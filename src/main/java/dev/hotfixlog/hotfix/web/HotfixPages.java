package dev.hotfixlog.hotfix.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.BoardLanes;
import dev.hotfixlog.hotfix.BoardNotices;
import dev.hotfixlog.hotfix.DeclareSource;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.HotfixPage;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.RecordPanels;
import dev.hotfixlog.hotfix.RecordSection;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.Triage;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The pages that show the log: the board at {@code /}, the list at {@code /hotfixes}, one record with its
 * history, and the new-hotfix flow. Editing a record in place is {@link RecordEditPages}.
 */
final class HotfixPages {
    private static final int BOARD_LIMIT = 200;
    private static final int LIST_LIMIT = 50;
    private final HotfixService service;
    private final SectionForms forms;
    private final Pages pages;
    private final Clock clock;
    private final RecordPanels panels;
    private final BoardNotices notices;
    private final BoardLanes lanes;
    private final DeclareSource sources;

    public HotfixPages(HotfixService service, Pages pages, Clock clock, RecordPanels panels, BoardNotices notices) {
        this(service, pages, clock, panels, notices, BoardLanes.NONE, DeclareSource.NONE);
    }

    public HotfixPages(
            HotfixService service,
            Pages pages,
            Clock clock,
            RecordPanels panels,
            BoardNotices notices,
            BoardLanes lanes,
            DeclareSource sources) {
        this.lanes = lanes;
        this.sources = sources;
        this.notices = notices;
        this.service = service;
        this.forms = new SectionForms(service.customFields());
        this.pages = pages;
        this.clock = clock;
        this.panels = panels;
    }

    public void register(RoutesConfig r) {
        r.get("/", this::board, Role.VIEWER);
        // Before /hotfixes/{id}: the first matching route wins.
        r.get("/hotfixes/new", this::newForm, Role.RESPONDER);
        r.post("/hotfixes/new", this::declare, Role.RESPONDER);
        r.get("/hotfixes", this::list, Role.VIEWER);
        r.get("/hotfixes/{id}", this::record, Role.VIEWER);
        r.get("/hotfixes/{id}/history", this::history, Role.VIEWER);
    }

    /**
     * The decision tree first; the form once both questions are answered (or production is fine). With
     * {@code ?from=} (an incoming alert) the form starts from what the source says.
     */
    private void newForm(Context ctx) {
        String from = ctx.queryParam("from");
        DeclareSource.Draft draft = from == null
                ? null
                : sources.draft(from)
                        .orElseThrow(() -> new NotFoundException("nothing to declare from: '" + from + "'"));
        Map<String, String> values = new LinkedHashMap<>();
        if (draft != null) {
            for (RecordSection section : RecordSection.DECLARE) {
                forms.values(section, draft.record()).forEach((k, v) -> {
                    if (!v.isEmpty()) {
                        values.put(k, v);
                    }
                });
            }
        }
        // "Who" starts as the person declaring: at 3 AM it usually is, and it can be changed.
        values.putIfAbsent("owner", Requests.actor(ctx));
        showForm(
                ctx,
                200,
                yesNo(ctx.queryParam("down")),
                yesNo(ctx.queryParam("wait")),
                values,
                Map.of(),
                UUID.randomUUID().toString(),
                from,
                draft == null ? null : draft.heading());
    }

    private void showForm(
            Context ctx,
            int status,
            String down,
            String wait,
            Map<String, String> values,
            Map<String, String> errors,
            String key,
            String from,
            String fromHeading) {
        Triage.Outcome outcome = new Triage(bool(down), bool(wait)).outcome();
        Map<String, Object> p = PageModel.common(ctx);
        p.put("from", from);
        p.put("fromHeading", fromHeading);
        p.put("down", down);
        p.put("wait", wait);
        p.put("outcome", outcome == null ? null : outcome.advice());
        p.put("ready", outcome != null);
        p.put("key", key);
        p.put("values", values);
        p.put("errors", errors);
        p.put("forms", forms);
        pages.render(ctx, status, "new.jte", p);
    }

    /** Whether the declare form has an input of (or within) this field. */
    private boolean shownIn(String field) {
        return RecordSection.DECLARE.stream().anyMatch(sec -> forms.has(sec, field));
    }

    /**
     * Creates the hotfix from the form. Bad input comes back with each error next to its field and everything
     * typed kept; the hidden Idempotency-Key makes a double submit land on the same record.
     */
    private void declare(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        for (RecordSection section : RecordSection.DECLARE) {
            forms.read(section, name -> Requests.formText(ctx, name)).forEach((k, v) -> {
                if (!v.isBlank()) {
                    values.put(k, v);
                }
            });
        }
        ObjectNode body = forms.patch(values, true);
        String down = yesNo(Requests.formText(ctx, "down"));
        String wait = yesNo(Requests.formText(ctx, "wait"));
        ObjectNode triage = body.putObject("triage");
        if (down != null) {
            triage.put("productionDown", bool(down));
        }
        if (wait != null) {
            triage.put("canWait", bool(wait));
        }
        String key = Requests.formText(ctx, "key");
        String from = Requests.formText(ctx, "from");
        from = from == null || from.isBlank() ? null : from;
        try {
            String k = key == null || key.isBlank() ? null : key;
            Hotfix h = from == null
                    ? service.create(MergePatch.of(body), Requests.actor(ctx), k)
                    : sources.declare(from, MergePatch.of(body), Requests.actor(ctx), k);
            ctx.status(303).header("Location", "/hotfixes/" + h.id());
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            boolean formReused = false;
            for (var err : e.errors()) {
                String field = HotfixJson.topLevel(err.field());
                if (field.equals("Idempotency-Key")) {
                    formReused = true;
                    continue;
                }
                // A field the form does not show (triage, say) still gets its message, at the top.
                String shown = shownIn(err.field()) ? err.field() : shownIn(field) ? field : "";
                errors.merge(shown, (shown.isEmpty() ? field + ": " : "") + err.message(), (a, b) -> a + "; " + b);
            }
            if (formReused) {
                errors.merge(
                        "",
                        "This form already declared a hotfix with other text. Press Declare again to "
                                + "declare a new one.",
                        (a, b) -> a + "; " + b);
            }
            // A reused form gets a fresh key, so that pressing Declare again really declares a new hotfix.
            showForm(
                    ctx,
                    422,
                    down,
                    wait,
                    values,
                    errors,
                    formReused || key == null ? UUID.randomUUID().toString() : key,
                    from,
                    from == null
                            ? null
                            : sources.draft(from)
                                    .map(DeclareSource.Draft::heading)
                                    .orElse(null));
        }
    }

    private static String yesNo(String v) {
        return "yes".equals(v) || "no".equals(v) ? v : null;
    }

    private static Boolean bool(String yesNo) {
        return yesNo == null ? null : yesNo.equals("yes");
    }

    /** The board: hotfixes being fixed, worst and oldest first, then those deployed; filtered as the URL says. */
    private void board(Context ctx) {
        Map<String, Object> p = PageModel.common(ctx);
        BoardFilter filter = BoardFilter.from(ctx);
        List<Hotfix> active = service.list(new HotfixQuery(Status.ACTIVE, null, BOARD_LIMIT, null))
                .items();
        List<Hotfix> deployed = service.list(new HotfixQuery(Status.DEPLOYED, null, BOARD_LIMIT, null))
                .items();
        String user = (String) p.get("user");
        p.put("active", filter.apply(active, user));
        p.put("deployed", filter.apply(deployed, user));
        p.put("activeTotal", active.size());
        p.put("filter", filter);
        p.put("systems", BoardFilter.systems(active));
        p.put("now", clock.instant());
        p.put("notices", notices.lines());
        p.put("lanes", lanes.html());
        pages.render(ctx, 200, "board.jte", p);
    }

    private void record(Context ctx) {
        pages.render(
                ctx,
                200,
                "hotfix.jte",
                PageModel.record(ctx, service.get(PageModel.pathId(ctx)), panels, forms, clock.instant()));
    }

    private void history(Context ctx) {
        HotfixId id = PageModel.pathId(ctx);
        Map<String, Object> p = PageModel.common(ctx);
        p.put("h", service.get(id));
        List<Revision> revisions = new ArrayList<>(service.history(id));
        Collections.reverse(revisions);
        p.put("revisions", revisions);
        pages.render(ctx, 200, "history.jte", p);
    }

    /**
     * The log beyond the board: completed hotfixes of the last six months by default, filtered by status,
     * severity and text, a page at a time (the "Older" link carries the filters and the cursor).
     */
    private void list(Context ctx) {
        String status = Objects.requireNonNullElse(ctx.queryParam("status"), "completed");
        String severity = Objects.requireNonNullElse(ctx.queryParam("severity"), "");
        String q = Objects.requireNonNullElse(ctx.queryParam("q"), "");
        String since = "all".equals(ctx.queryParam("since")) ? "all" : "6m";
        Instant resolvedSince = since.equals("6m")
                ? clock.instant().atZone(ZoneOffset.UTC).minusMonths(6).toInstant()
                : null;
        HotfixQuery query = new HotfixQuery(
                        status.equals("all") ? null : Status.parse("status", status),
                        severity.isBlank() ? null : Severity.parse("severity", severity),
                        q,
                        status.equals("completed") ? resolvedSince : null,
                        LIST_LIMIT,
                        HotfixPage.decodeCursor(ctx.queryParam("cursor")))
                .withFields(Requests.prefixedQuery(ctx, "field."));
        HotfixPage page = service.list(query);
        StringBuilder byField = new StringBuilder();
        query.fields()
                .forEach((k, v) ->
                        byField.append("&field.").append(enc(k)).append('=').append(enc(v)));
        Map<String, Object> p = PageModel.common(ctx);
        p.put(
                "heading",
                status.equals("all")
                        ? "All hotfixes"
                        : status.substring(0, 1).toUpperCase(Locale.ROOT) + status.substring(1) + " hotfixes");
        p.put("items", page.items());
        p.put("status", status);
        p.put("severity", severity);
        p.put("q", q);
        p.put("since", since);
        p.put(
                "nextUrl",
                page.nextCursor() == null
                        ? null
                        : "/hotfixes?status=" + enc(status) + "&severity=" + enc(severity) + "&q=" + enc(q) + "&since="
                                + since + byField + "&cursor=" + enc(page.nextCursor()));
        pages.render(ctx, 200, "list.jte", p);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
