package dev.hotfixlog.lesson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.StaleVersionException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.RecordPanels;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lessons' pages: the library ({@code /lessons}), a lesson with its cases and checklist, and the form that
 * writes one, prefilled from a hotfix ({@code /lessons/new?from=HOTFIX-042}). While writing, the checklist is
 * re-checked as the text changes (htmx posts the form to {@code /lessons/check}); without JavaScript it is shown
 * after saving. The record page's "Lessons" panel links both ways.
 */
public final class LessonPages implements RecordPanels {
    private static final Pattern VERSION = Pattern.compile("\\d{1,9}");
    static final List<String> FIELDS = List.of(
            "title",
            "summary",
            "constraint",
            "signal",
            "boundary",
            "operatingRule",
            "category",
            "bucket",
            "tags",
            "cases");
    private final LessonService lessons;
    private final HotfixService hotfixes;
    private final Pages pages;
    private final LessonPanels panels;

    public LessonPages(LessonService lessons, HotfixService hotfixes, Pages pages, LessonPanels panels) {
        this.lessons = lessons;
        this.hotfixes = hotfixes;
        this.pages = pages;
        this.panels = panels;
    }

    public void register(RoutesConfig r) {
        r.get("/lessons", this::library, Role.VIEWER);
        r.get("/lessons/new", this::newForm, Role.RESPONDER);
        r.post("/lessons", this::create, Role.RESPONDER);
        r.post("/lessons/check", this::checklist, Role.RESPONDER);
        r.get("/lessons/{id}", this::lesson, Role.VIEWER);
        r.get("/lessons/{id}/edit", this::editForm, Role.RESPONDER);
        r.post("/lessons/{id}", this::save, Role.RESPONDER);
    }

    private void library(Context ctx) {
        Map<String, Object> p = Requests.pageModel(ctx);
        String category = ctx.queryParam("category");
        String tag = ctx.queryParam("tag");
        Bucket bucket = Bucket.parse(ctx.queryParam("bucket"));
        p.put("lessons", lessons.list(new LessonQuery(false, category, bucket, tag, null, LessonQuery.MAX_LIMIT)));
        p.put("filter", category != null ? category : tag != null ? "#" + tag : bucket != null ? bucket.label() : null);
        pages.render(ctx, 200, "lessons.jte", p);
    }

    private void lesson(Context ctx) {
        Lesson l = lessons.get(LessonId.fromPath(ctx.pathParam("id")));
        Map<String, Object> p = Requests.pageModel(ctx);
        p.put("lesson", l);
        p.put("cases", cases(l));
        p.put("legibility", l.legibility());
        p.put("panels", panels.html(l));
        pages.render(ctx, 200, "lesson.jte", p);
    }

    /** Case id → title, or a note when the hotfix is gone. */
    private Map<String, String> cases(Lesson l) {
        Map<String, String> out = new LinkedHashMap<>();
        for (HotfixId id : l.cases()) {
            String title;
            try {
                title = hotfixes.get(id).title();
            } catch (RuntimeException e) {
                title = null;
            }
            out.put(id.toString(), title);
        }
        return out;
    }

    private void newForm(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        String from = ctx.queryParam("from");
        if (from != null && !from.isBlank()) {
            Hotfix h = hotfixes.get(HotfixId.parse(from));
            values.putAll(formValues(LocalLessonService.prefill(h)));
            if (h.status() != Status.COMPLETED) {
                values.put("_note", h.id() + " is not completed yet; the lesson can still cite it.");
            }
        }
        showForm(ctx, 200, null, 0, values, Map.of());
    }

    private void editForm(Context ctx) {
        Lesson l = lessons.get(LessonId.fromPath(ctx.pathParam("id")));
        showForm(ctx, 200, l.id(), l.version(), formValues(LessonJson.editable(l)), Map.of());
    }

    private void create(Context ctx) {
        Map<String, String> values = read(ctx);
        try {
            Lesson l = lessons.create(MergePatch.of(document(values)), Requests.actor(ctx));
            ctx.status(303).header("Location", "/lessons/" + l.id());
        } catch (ValidationException e) {
            showForm(ctx, 422, null, 0, values, errors(e));
        }
    }

    private void save(Context ctx) {
        LessonId id = LessonId.fromPath(ctx.pathParam("id"));
        Map<String, String> values = read(ctx);
        int version = Requests.intQuery(ctx, "version", 0);
        String v = Requests.formText(ctx, "version");
        if (v != null && VERSION.matcher(v).matches()) {
            version = Integer.parseInt(v);
        }
        try {
            lessons.edit(id, version, MergePatch.of(document(values)), Requests.actor(ctx));
            ctx.status(303).header("Location", "/lessons/" + id);
        } catch (ValidationException e) {
            showForm(ctx, 422, id, version, values, errors(e));
        } catch (StaleVersionException e) {
            Lesson now = lessons.get(id);
            showForm(
                    ctx,
                    409,
                    id,
                    now.version(),
                    values,
                    Map.of(
                            "",
                            "Someone saved this lesson while you were "
                                    + "writing. Your text is below; saving again writes it over theirs (version "
                                    + now.version()
                                    + ")."));
        }
    }

    private void checklist(Context ctx) {
        Map<String, Object> p = Requests.pageModel(ctx);
        Legibility g;
        try {
            g = lessons.check(MergePatch.of(document(read(ctx))));
        } catch (ValidationException e) {
            g = null;
        }
        p.put("legibility", g);
        pages.render(ctx, 200, "lesson-checklist.jte", p);
    }

    private void showForm(
            Context ctx, int status, LessonId id, int version, Map<String, String> values, Map<String, String> errors) {
        Map<String, Object> p = Requests.pageModel(ctx);
        p.put("id", id == null ? null : id.toString());
        p.put("version", version);
        p.put("values", values);
        p.put("errors", errors);
        Legibility g;
        try {
            g = lessons.check(MergePatch.of(document(values)));
        } catch (ValidationException e) {
            g = null;
        }
        p.put("legibility", g);
        pages.render(ctx, status, "lesson-form.jte", p);
    }

    private static Map<String, String> read(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = Requests.formText(ctx, f);
            if (v != null && !v.isBlank()) {
                values.put(f, v);
            }
        }
        if (Requests.formText(ctx, "published") != null) {
            values.put("published", "true");
        }
        return values;
    }

    /** The whole lesson from the form: a blank field clears it. */
    static ObjectNode document(Map<String, String> values) {
        ObjectNode n = Json.object();
        for (String f : FIELDS) {
            String v = values.get(f);
            if (v == null) {
                n.putNull(f);
            } else {
                n.put(f, v);
            }
        }
        n.put("published", values.containsKey("published"));
        return n;
    }

    private static Map<String, String> formValues(ObjectNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : FIELDS) {
            var v = n.get(f);
            if (v == null || v.isNull()) {
                continue;
            }
            if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(e -> items.add(e.asText()));
                if (!items.isEmpty()) {
                    out.put(f, String.join(", ", items));
                }
            } else {
                out.put(f, v.asText());
            }
        }
        if (n.path("published").asBoolean()) {
            out.put("published", "true");
        }
        return out;
    }

    private static Map<String, String> errors(ValidationException e) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldError err : e.errors()) {
            String field = FIELDS.contains(err.field()) ? err.field() : "";
            out.merge(field, (field.isEmpty() ? err.field() + ": " : "") + err.message(), (a, b) -> a + "; " + b);
        }
        return out;
    }

    /** The record page's "Lessons" panel: what was learned from this hotfix, and a way to write it. */
    @Override
    public String html(Hotfix h) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hotfix", h);
        p.put(
                "lessons",
                lessons.list(new LessonQuery(false, null, null, null, h.id().toString(), LessonQuery.DEFAULT_LIMIT)));
        return pages.html("lesson-panel.jte", p);
    }
}
