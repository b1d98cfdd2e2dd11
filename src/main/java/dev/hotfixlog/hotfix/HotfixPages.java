package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.security.Role;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The record's pages: the board at {@code /} and one record at {@code /hotfixes/HOTFIX-NNN} (read-only for now). */
public final class HotfixPages {
    private static final int BOARD_LIMIT = 200;
    private final HotfixService service;
    private final Pages pages;
    private final Clock clock;

    public HotfixPages(HotfixService service, Pages pages, Clock clock) {
        this.service = service;
        this.pages = pages;
        this.clock = clock;
    }

    /** The form's fields in the template's order: API name, label, kind of input. */
    private static final List<String[]> FIELDS = List.of(
            new String[] {"title", "Title (brief description)", "input"},
            new String[] {"severity", "Severity", "select"},
            new String[] {"owner", "Who", "input"},
            new String[] {"problem", "Problem", "area"},
            new String[] {"impact", "Impact", "area"},
            new String[] {"whyEmergency", "Why Emergency", "area"},
            new String[] {"changeMade", "Change Made", "area"},
            new String[] {"systemsAffected", "Files/Systems Affected (comma separated)", "input"},
            new String[] {"rollbackPlan", "Rollback Plan", "area"},
            new String[] {"rootCause", "Root Cause (Initial)", "area"},
            new String[] {"riskAccepted", "Risk Accepted", "area"},
            new String[] {"monitoring", "Monitoring", "area"});

    public void register(RoutesConfig r) {
        r.get("/", this::board, Role.VIEWER);
        // Before /hotfixes/{id}: the first matching route wins.
        r.get("/hotfixes/new", this::newForm, Role.RESPONDER);
        r.post("/hotfixes/new", this::declare, Role.RESPONDER);
        r.get("/hotfixes/{id}", this::record, Role.VIEWER);
    }

    /** The decision tree first; the form once both questions are answered (or production is fine). */
    private void newForm(Context ctx) {
        showForm(ctx, 200, yesNo(ctx.queryParam("down")), yesNo(ctx.queryParam("wait")), Map.of(), Map.of(),
                UUID.randomUUID().toString());
    }

    private void showForm(Context ctx, int status, String down, String wait, Map<String, String> values,
                          Map<String, String> errors, String key) {
        Triage.Outcome outcome = new Triage(bool(down), bool(wait)).outcome();
        Map<String, Object> p = common(ctx);
        p.put("down", down);
        p.put("wait", wait);
        p.put("outcome", outcome == null ? null : outcome.advice());
        p.put("ready", outcome != null);
        p.put("key", key);
        p.put("values", values);
        p.put("errors", errors);
        p.put("fields", FIELDS);
        p.put("severities", List.of("critical", "high", "medium"));
        pages.render(ctx, status, "new.jte", p);
    }

    /**
     * Creates the hotfix from the form. Bad input comes back with each error next to its field and everything
     * typed kept; the hidden Idempotency-Key makes a double submit land on the same record.
     */
    private void declare(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        ObjectNode body = Json.object();
        for (String[] f : FIELDS) {
            String v = ctx.formParam(f[0]);
            if (v == null || v.isBlank()) {
                continue;
            }
            values.put(f[0], v);
            if (f[0].equals("systemsAffected")) {
                ArrayNode list = body.putArray(f[0]);
                for (String item : v.split("[,\\n]")) {
                    if (!item.isBlank()) {
                        list.add(item.strip());
                    }
                }
            } else {
                body.put(f[0], v);
            }
        }
        String down = yesNo(ctx.formParam("down"));
        String wait = yesNo(ctx.formParam("wait"));
        ObjectNode triage = body.putObject("triage");
        if (down != null) {
            triage.put("productionDown", bool(down));
        }
        if (wait != null) {
            triage.put("canWait", bool(wait));
        }
        String key = ctx.formParam("key");
        try {
            Hotfix h = service.create(MergePatch.of(body), Requests.actor(ctx), key == null || key.isBlank() ? null : key);
            ctx.status(303).header("Location", "/hotfixes/" + h.id());
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            boolean formReused = false;
            for (var err : e.errors()) {
                String field = err.field().replaceAll("[.\\[].*$", "");
                if (field.equals("Idempotency-Key")) {
                    formReused = true;
                    continue;
                }
                // A field the form does not show (triage, say) still gets its message, at the top.
                String shown = FIELDS.stream().anyMatch(f -> f[0].equals(field)) ? field : "";
                errors.merge(shown, (shown.isEmpty() ? field + ": " : "") + err.message(), (a, b) -> a + "; " + b);
            }
            if (formReused) {
                errors.merge("", "This form already declared a hotfix with other text. Press Declare again to "
                        + "declare a new one.", (a, b) -> a + "; " + b);
            }
            // A reused form gets a fresh key, so that pressing Declare again really declares a new hotfix.
            showForm(ctx, 422, down, wait, values, errors,
                    formReused || key == null ? UUID.randomUUID().toString() : key);
        }
    }

    private static String yesNo(String v) {
        return "yes".equals(v) || "no".equals(v) ? v : null;
    }

    private static Boolean bool(String yesNo) {
        return yesNo == null ? null : yesNo.equals("yes");
    }

    private void board(Context ctx) {
        Map<String, Object> p = common(ctx);
        p.put("active", service.list(new HotfixQuery(Status.ACTIVE, null, BOARD_LIMIT, null)).items());
        p.put("deployed", service.list(new HotfixQuery(Status.DEPLOYED, null, BOARD_LIMIT, null)).items());
        p.put("now", clock.instant());
        pages.render(ctx, 200, "board.jte", p);
    }

    private void record(Context ctx) {
        HotfixId id;
        try {
            id = HotfixId.parse(ctx.pathParam("id"));
        } catch (ValidationException e) {
            throw new NotFoundException("no hotfix '" + ctx.pathParam("id") + "'");
        }
        Map<String, Object> p = common(ctx);
        p.put("h", service.get(id));
        pages.render(ctx, 200, "hotfix.jte", p);
    }

    private static Map<String, Object> common(Context ctx) {
        Map<String, Object> p = new HashMap<>();
        p.put("user", Requests.actor(ctx));
        p.put("csrf", ctx.attribute(Requests.CSRF_TOKEN));
        return p;
    }
}
