package dev.hotfixlog.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the jte templates precompiled into the jar (escaping on: every {@code ${…}} is HTML-escaped for its
 * context). One engine for the whole server, made once.
 */
public final class Pages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public void render(Context ctx, int status, String template, Map<String, Object> params) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(html(template, params));
    }

    /** A template rendered to a string: a part of another feature's page (see {@code RecordPanels}). */
    public String html(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        return out.toString();
    }
}
