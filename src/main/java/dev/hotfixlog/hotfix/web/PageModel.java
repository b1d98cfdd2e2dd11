package dev.hotfixlog.hotfix.web;

import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.RecordPanels;
import dev.hotfixlog.web.Requests;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** What every page of the record needs: who is looking, their CSRF token, and the record named in the path. */
final class PageModel {
    private PageModel() {}

    public static Map<String, Object> common(Context ctx) {
        return Requests.pageModel(ctx);
    }

    public static HotfixId pathId(Context ctx) {
        return HotfixId.fromPath(ctx.pathParam("id"));
    }

    /** What a fragment of the record page (a section, the checklists) needs besides its own parameters. */
    public static Map<String, Object> fragment(Context ctx, Hotfix h) {
        Map<String, Object> p = new HashMap<>();
        p.put("h", h);
        p.put("csrf", ctx.attribute(Requests.CSRF_TOKEN));
        p.put("canEdit", Requests.canEdit(ctx));
        return p;
    }

    /** The parameters of the record page showing every section read-only. */
    public static Map<String, Object> record(
            Context ctx, Hotfix h, RecordPanels panels, SectionForms forms, Instant now) {
        Map<String, Object> p = common(ctx);
        p.put("forms", forms);
        p.put("panels", panels.html(h));
        p.put("tl", RecordTimeline.of(h, panels.marks(h), now));
        p.put("h", h);
        p.put("canEdit", Requests.canEdit(ctx));
        p.put("editing", null);
        p.put("mode", "view");
        p.put("values", Map.of());
        p.put("errors", Map.of());
        p.put("theirs", null);
        p.put("notice", null);
        p.put("problem", null);
        return p;
    }
}
