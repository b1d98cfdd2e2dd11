package dev.hotfixlog.hotfix.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ConflictException;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.StaleVersionException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.FormField;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.LifecycleEvent;
import dev.hotfixlog.hotfix.RecordPanels;
import dev.hotfixlog.hotfix.RecordSection;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.StepKind;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Changing a record from its page: a section edited in place, the lifecycle buttons, the two checklists.
 *
 * <p>Every form works without JavaScript (a full page and a redirect); with htmx the same routes answer with
 * just the changed fragment. An edit carries the version it was based on. If someone else saved in between,
 * their revisions decide: when they touched other fields the edit simply lands on top; when they touched this
 * section, the page shows their saved version beside the user's unsaved text, and nothing is lost.
 */
final class RecordEditPages {
    private static final int ATTEMPTS = 5;
    private final HotfixService service;
    private final SectionForms forms;
    private final Pages pages;
    private final Clock clock;
    private final RecordPanels panels;

    public RecordEditPages(HotfixService service, Pages pages, Clock clock, RecordPanels panels) {
        this.clock = clock;
        this.panels = panels;
        this.service = service;
        this.forms = new SectionForms(service.customFields());
        this.pages = pages;
    }

    public void register(RoutesConfig r) {
        r.get("/hotfixes/{id}/sections/{section}", this::viewSection, Role.VIEWER);
        r.get("/hotfixes/{id}/sections/{section}/edit", this::editSection, Role.RESPONDER);
        r.post("/hotfixes/{id}/sections/{section}", this::saveSection, Role.RESPONDER);
        r.post("/hotfixes/{id}/events", this::event, Role.RESPONDER);
        r.post("/hotfixes/{id}/checklist", this::checklist, Role.RESPONDER);
    }

    private static RecordSection section(Context ctx) {
        RecordSection s = RecordSection.byKey(ctx.pathParam("section"));
        if (s == null) {
            throw new NotFoundException("no section '" + ctx.pathParam("section") + "'; sections are "
                    + Arrays.stream(RecordSection.values())
                            .map(RecordSection::key)
                            .collect(Collectors.joining(", ")));
        }
        return s;
    }

    private void viewSection(Context ctx) {
        Hotfix h = service.get(PageModel.pathId(ctx));
        RecordSection s = section(ctx);
        if (!Requests.isHtmx(ctx)) {
            ctx.redirect("/hotfixes/" + h.id() + "#sec-" + s.key(), HttpStatus.SEE_OTHER);
            return;
        }
        show(ctx, 200, h, s, "view", forms.values(s, h), Map.of(), null, null);
    }

    private void editSection(Context ctx) {
        Hotfix h = service.get(PageModel.pathId(ctx));
        RecordSection s = section(ctx);
        show(ctx, 200, h, s, "edit", forms.values(s, h), Map.of(), null, null);
    }

    private void saveSection(Context ctx) {
        HotfixId id = PageModel.pathId(ctx);
        RecordSection s = section(ctx);
        Map<String, String> mine = forms.read(s, name -> Requests.formText(ctx, name));
        int version = formVersion(ctx);
        ObjectNode patch = forms.patch(mine, false);
        for (int attempt = 0; ; attempt++) {
            try {
                Hotfix saved = service.edit(id, version, MergePatch.of(patch), Requests.actor(ctx));
                if (Requests.isHtmx(ctx)) {
                    show(ctx, 200, saved, s, "view", forms.values(s, saved), Map.of(), null, null);
                } else {
                    ctx.redirect("/hotfixes/" + id + "#sec-" + s.key(), HttpStatus.SEE_OTHER);
                }
                return;
            } catch (ValidationException e) {
                show(ctx, 422, service.get(id), s, "edit", mine, errorsBySection(e, forms.fields(s)), null, null);
                return;
            } catch (StaleVersionException e) {
                List<Revision> since = service.history(id).stream()
                        .filter(r -> r.version() > e.expectedVersion())
                        .toList();
                Set<String> touched = new TreeSet<>();
                since.forEach(r -> touched.addAll(RecordSection.topLevel(r.changes())));
                touched.removeIf(f -> !forms.has(s, f));
                Hotfix current = service.get(id);
                if (!touched.isEmpty() || attempt + 1 >= ATTEMPTS) {
                    show(
                            ctx,
                            409,
                            current,
                            s,
                            "conflict",
                            mine,
                            Map.of(),
                            forms.values(s, current),
                            conflictNotice(current, since, touched));
                    return;
                }
                version = current.version(); // they changed other fields only: ours lands on top of theirs
            }
        }
    }

    private static String conflictNotice(Hotfix current, List<Revision> since, Set<String> touched) {
        String who = since.stream().map(Revision::actor).distinct().collect(Collectors.joining(", "));
        return current.id() + " was saved by " + (who.isEmpty() ? "someone else" : who) + " while you were editing"
                + (touched.isEmpty() ? "" : " (" + String.join(", ", touched) + ")") + "; it is now version "
                + current.version() + ". Their version is saved and shown first; yours is in the form below, not "
                + "saved yet. Save to put yours over theirs, or Cancel to keep theirs.";
    }

    /** Errors keyed by this section's field names; any other field's message goes to the top of the form. */
    private static Map<String, String> errorsBySection(ValidationException e, List<FormField> inputs) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (var err : e.errors()) {
            String field = HotfixJson.topLevel(err.field());
            String key = inputs.stream().anyMatch(f -> f.name().equals(err.field()))
                    ? err.field()
                    : inputs.stream().anyMatch(f -> f.name().equals(field)) ? field : "";
            errors.merge(key, (key.isEmpty() ? err.field() + ": " : "") + err.message(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    private static int formVersion(Context ctx) {
        String v = Requests.formText(ctx, "version");
        try {
            return Integer.parseInt(v == null ? "" : v.trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of(
                    "version", "the form lost the version it was based on ('" + v + "'); reload the page");
        }
    }

    private void show(
            Context ctx,
            int status,
            Hotfix h,
            RecordSection s,
            String mode,
            Map<String, String> values,
            Map<String, String> errors,
            Map<String, String> theirs,
            String notice) {
        boolean fragment = Requests.isHtmx(ctx);
        Map<String, Object> p =
                fragment ? PageModel.fragment(ctx, h) : PageModel.record(ctx, h, panels, forms, clock.instant());
        p.put(fragment ? "s" : "editing", s);
        p.put("forms", forms);
        p.put("mode", mode);
        p.put("values", values);
        p.put("errors", errors);
        p.put("theirs", theirs);
        p.put("notice", notice);
        pages.render(ctx, status, fragment ? "section.jte" : "hotfix.jte", p);
    }

    /** Alerted, Fix deployed, Resolved: stamps "now"; a move the lifecycle forbids is explained on the page. */
    private void event(Context ctx) {
        HotfixId id = PageModel.pathId(ctx);
        String name = Requests.formText(ctx, "event");
        try {
            LifecycleEvent event = "resolved-without-deploy".equals(name)
                    ? new LifecycleEvent(LifecycleEvent.Type.RESOLVED, null, true)
                    : new LifecycleEvent(LifecycleEvent.Type.parse("event", name), null, false);
            service.record(id, event, Requests.actor(ctx));
            ctx.redirect("/hotfixes/" + id + "#timeline", HttpStatus.SEE_OTHER);
        } catch (ConflictException | ValidationException e) {
            Map<String, Object> p = PageModel.record(ctx, service.get(id), panels, forms, clock.instant());
            p.put("problem", e.getMessage());
            pages.render(ctx, e instanceof ConflictException ? 409 : 422, "hotfix.jte", p);
        }
    }

    /**
     * Ticks and unticks. The form says what each box showed when the page was drawn ({@code was.*}), so only the
     * boxes this person changed are sent: a stale page never undoes someone else's tick.
     */
    private void checklist(Context ctx) {
        HotfixId id = PageModel.pathId(ctx);
        ObjectNode patch = Json.object();
        for (StepKind k : StepKind.values()) {
            toggled(ctx, "step." + k.json()).ifPresent(done -> {
                ObjectNode o = child(patch, "steps").putObject(k.json()).put("done", done);
                if (!done) {
                    o.putNull("at").putNull("by");
                }
            });
        }
        for (FollowUpKind k : FollowUpKind.values()) {
            toggled(ctx, "followUp." + k.json()).ifPresent(done -> {
                ObjectNode o = child(patch, "followUps").putObject(k.json()).put("done", done);
                if (!done) {
                    o.putNull("doneAt");
                }
            });
        }
        Hotfix h = service.get(id);
        for (int attempt = 0; !patch.isEmpty(); attempt++) {
            try {
                h = service.edit(id, h.version(), MergePatch.of(patch), Requests.actor(ctx));
                break;
            } catch (StaleVersionException e) {
                if (attempt + 1 >= ATTEMPTS) {
                    throw e;
                }
                h = service.get(id);
            }
        }
        if (Requests.isHtmx(ctx)) {
            pages.render(ctx, 200, "checklist.jte", PageModel.fragment(ctx, h));
        } else {
            ctx.redirect("/hotfixes/" + id + "#checklist", HttpStatus.SEE_OTHER);
        }
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        return parent.has(name) ? (ObjectNode) parent.get(name) : parent.putObject(name);
    }

    private static Optional<Boolean> toggled(Context ctx, String name) {
        String was = Requests.formText(ctx, "was." + name);
        if (was == null) {
            return Optional.empty();
        }
        boolean now = Requests.formText(ctx, name) != null;
        return now == Boolean.parseBoolean(was) ? Optional.empty() : Optional.of(now);
    }
}
