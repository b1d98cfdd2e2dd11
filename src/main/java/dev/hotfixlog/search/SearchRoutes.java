package dev.hotfixlog.search;

import com.google.re2j.Pattern;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.RecordPanels;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.time.TimeText;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/search?q=&kind=&severity=&category=&from=&to=&limit=}, {@code GET
 * /api/v1/hotfixes/{id}/similar?limit=}, the search page ({@code /search?q=}) and the record page's "Similar
 * past fixes" panel; {@code GET /api/v1/similar?text=} and its page fragment {@code /search/similar} for a hotfix
 * being declared.
 */
public final class SearchRoutes implements RecordPanels {
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final int SIMILAR_SHOWN = 3;
    private static final Logger LOG = LoggerFactory.getLogger(SearchRoutes.class);
    private final SearchService service;
    private final Pages pages;

    public SearchRoutes(SearchService service, Pages pages) {
        this.service = service;
        this.pages = pages;
    }

    public void register(RoutesConfig r) {
        r.get(
                "/api/v1/search",
                ctx -> ctx.contentType("application/json")
                        .result(Json.write(SearchJson.write(service.search(query(ctx))))),
                Role.VIEWER);
        r.get(
                "/api/v1/hotfixes/{id}/similar",
                ctx -> ctx.contentType("application/json")
                        .result(Json.write(SearchJson.write(service.similar(
                                HotfixId.fromPath(ctx.pathParam("id")),
                                Requests.intQuery(ctx, "limit", SIMILAR_SHOWN))))),
                Role.VIEWER);
        r.get(
                "/api/v1/similar",
                ctx -> ctx.contentType("application/json")
                        .result(Json.write(SearchJson.write(service.similarTo(
                                ctx.queryParam("text"), Requests.intQuery(ctx, "limit", SIMILAR_SHOWN))))),
                Role.VIEWER);
        r.get("/search", this::page, Role.VIEWER);
        // A POST, not a GET: a problem pasted with its stack trace would not fit in a URL.
        r.post("/search/similar", this::draftPanel, Role.VIEWER);
    }

    static SearchQuery query(Context ctx) {
        String severity = ctx.queryParam("severity");
        return new SearchQuery(
                ctx.queryParam("q"),
                ctx.queryParam("kind"),
                severity == null || severity.isBlank() ? null : Severity.parse("severity", severity),
                ctx.queryParam("category"),
                instant("from", ctx.queryParam("from")),
                instant("to", ctx.queryParam("to")),
                Requests.intQuery(ctx, "limit", SearchQuery.DEFAULT_LIMIT));
    }

    private static Instant instant(String field, String text) {
        return text == null || text.isBlank() ? null : TimeText.parseInstant(field, text);
    }

    private void page(Context ctx) {
        Map<String, Object> p = Requests.pageModel(ctx);
        SearchQuery asked = query(ctx);
        // The form's "to" is a day, meant inclusively: searched up to the start of the next one.
        String to = ctx.queryParam("to");
        SearchQuery q = to != null && DAY.matcher(to.strip()).matches()
                ? asked.withTo(asked.to().plus(Duration.ofDays(1)))
                : asked;
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : List.of("q", "kind", "severity", "category", "from", "to")) {
            String v = ctx.queryParam(name);
            form.put(name, v == null ? "" : v.strip());
        }
        p.put("form", form);
        p.put("hits", service.search(q));
        pages.render(ctx, 200, "search.jte", p);
    }

    /**
     * The declare form's "Similar past fixes", refreshed as the responder types (htmx): the draft's title,
     * category, systems, root cause and problem, in the order they say most.
     */
    private void draftPanel(Context ctx) {
        StringBuilder description = new StringBuilder();
        for (String field : List.of("title", "category", "systemsAffected", "rootCause", "problem")) {
            String v = Requests.formText(ctx, field);
            if (v != null) {
                description.append(v).append('\n');
            }
        }
        List<SearchHit> hits = service.similarTo(description.toString(), SIMILAR_SHOWN);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hits", hits);
        p.put("failed", false);
        p.put("draft", true);
        ctx.contentType("text/html; charset=utf-8")
                .result(description.toString().isBlank() ? "" : pages.html("similar-panel.jte", p));
    }

    /**
     * The most similar earlier hotfixes and lessons, with their operating rules. A lookup that fails leaves the
     * panel saying so: the record page must open during an incident whatever happens to a hint beside it.
     */
    @Override
    public String html(Hotfix h) {
        Map<String, Object> p = new LinkedHashMap<>();
        try {
            p.put("hits", service.similar(h, SIMILAR_SHOWN));
            p.put("failed", false);
        } catch (RuntimeException e) {
            LOG.warn("similar past fixes for {} could not be looked up", h.id(), e);
            p.put("hits", List.of());
            p.put("failed", true);
        }
        p.put("draft", false);
        return pages.html("similar-panel.jte", p);
    }
}
