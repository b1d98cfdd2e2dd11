package dev.hotfixlog.web;

import dev.hotfixlog.error.BadRequestException;
import dev.hotfixlog.error.PreconditionRequiredException;
import dev.hotfixlog.error.ValidationException;
import io.javalin.http.Context;
import java.util.regex.Matcher;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Small, shared readings of a request: who is acting, and which version an edit was based on. */
public final class Requests {
    /** Set by the access gate to the authenticated principal's name. */
    public static final String PRINCIPAL_NAME = "hotfix.principal-name";
    /** Set by the access gate for a browser session: the token its forms must send back. */
    public static final String CSRF_TOKEN = "hotfix.csrf-token";
    /** Set by the access gate: whether the caller may change hotfixes (pages hide edit buttons otherwise). */
    public static final String CAN_EDIT = "hotfix.can-edit";
    /** Why a request was refused, kept in the audit log (never shown in full to the caller). */
    public static final String AUDIT_DETAIL = "hotfix.audit-detail";
    /**
     * What a change touched (a hotfix, lesson, token or account), kept in the audit log. A route sets it when the
     * subject is not in its path, such as the id a create made; else the gate takes the path's id or name.
     */
    public static final String AUDIT_SUBJECT = "hotfix.audit-subject";
    /**
     * Set by a route whose successful change keeps its own record (a monitoring delivery, kept raw on its
     * incoming alert): the audit log skips it, so an alert storm is not also an audit storm. Refusals are
     * audited all the same.
     */
    public static final String AUDIT_KEPT_ELSEWHERE = "hotfix.audit-kept-elsewhere";
    private static final Pattern ETAG = Pattern.compile("^\\s*(?:W/)?\"(\\d{1,9})\"\\s*$");

    private Requests() {
    }

    /** Who is acting: the authenticated principal, or {@code anonymous} on a public route. */
    public static String actor(Context ctx) {
        String name = ctx.attribute(PRINCIPAL_NAME);
        return name == null ? "anonymous" : name;
    }

    public static boolean canEdit(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(CAN_EDIT));
    }

    /** True when htmx asked for this (it wants a fragment of the page, not the whole page). */
    public static boolean isHtmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }

    /** True when the client reached us over HTTPS, directly or through a proxy that says so. */
    public static boolean isHttps(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    /** A cookie only this server's pages can read: HttpOnly, SameSite=Lax, Secure behind HTTPS. */
    public static void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax" + (isHttps(ctx) ? "; Secure" : ""));
    }

    /**
     * What every page's layout needs: who is looking ({@code user}) and the session's CSRF token ({@code csrf}).
     * A new, mutable map: the page adds its own parameters.
     */
    public static Map<String, Object> pageModel(Context ctx) {
        Map<String, Object> p = new HashMap<>();
        p.put("user", actor(ctx));
        p.put("csrf", ctx.attribute(CSRF_TOKEN));
        return p;
    }

    /**
     * {@code true} or {@code false}, or false when absent; anything else ({@code 1}, {@code yes}, {@code on}) is a
     * 400 naming the parameter, so a typo never flips the meaning (a dry run that imports).
     */
    public static boolean boolQuery(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty() || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw new BadRequestException(name, "must be true or false, was '" + v + "'");
    }

    /**
     * The query parameters named {@code prefix} + a name ({@code ?field.region=eu}), by name, each given once: a
     * name given twice is a 400 (which of the two was meant?), an empty value is skipped.
     */
    public static java.util.Map<String, String> prefixedQuery(Context ctx, String prefix) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                if (v.size() > 1) {
                    throw new BadRequestException(k, "is given " + v.size() + " times; give it once");
                }
                if (!v.isEmpty() && !v.get(0).isEmpty()) {
                    out.put(k.substring(prefix.length()), v.get(0));
                }
            }
        });
        return out;
    }

    /** A whole-number query parameter, or {@code otherwise} when absent; anything else is a field error. */
    public static int intQuery(Context ctx, String name, int otherwise) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of(name, "'" + v + "' is not a whole number");
        }
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version named by {@code If-Match}; refuses a missing header (428) and a blind {@code *}. */
    public static int ifMatchVersion(Context ctx) {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank()) {
            throw new PreconditionRequiredException("an edit needs If-Match with the ETag of the version you "
                    + "edited (GET the record first); without it a concurrent edit could be overwritten");
        }
        Matcher m = ETAG.matcher(h);
        if (!m.matches()) {
            throw ValidationException.of("If-Match", "'" + h + "' is not an ETag of this API; send the ETag "
                    + "header of the version you edited, e.g. \"3\"");
        }
        return Integer.parseInt(m.group(1));
    }

    /** A file of a multipart request: the name the sender gave it (a label, never a path) and its bytes. */
    public record FilePart(String fileName, byte[] bytes) {
    }

    /**
     * The files of a multipart upload (parts named {@code file}), read only after the request's length was held
     * to the route's limit (RequestGuard, the server's body limit); at most {@code maxFiles} of them. A body that
     * is not a readable multipart form is a 400 naming the body.
     */
    public static java.util.List<FilePart> files(Context ctx, int maxFiles) {
        java.util.List<io.javalin.http.UploadedFile> uploaded;
        try {
            uploaded = ctx.uploadedFiles("file");
        } catch (Exception e) { // Jetty's parser throws checked exceptions through Kotlin
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            if (why.toLowerCase(java.util.Locale.ROOT).contains("exceeds") || why.contains("max")) {
                throw new dev.hotfixlog.error.TooLargeException("file: " + why + " (HOTFIX_ATTACH_MAX_FILE)");
            }
            throw new BadRequestException("body", "is not a multipart form that can be read: " + why);
        }
        if (uploaded.isEmpty()) {
            throw ValidationException.of("file", "is required: send the file as a multipart part named file");
        }
        if (uploaded.size() > maxFiles) {
            throw ValidationException.of("file", "at most " + maxFiles + " files a request, was " + uploaded.size());
        }
        java.util.List<FilePart> out = new java.util.ArrayList<>();
        for (io.javalin.http.UploadedFile f : uploaded) {
            try (java.io.InputStream in = f.content()) {
                out.add(new FilePart(f.filename(), in.readAllBytes()));
            } catch (java.io.IOException e) {
                throw new BadRequestException("file", "could not be read whole: " + e.getMessage());
            }
        }
        return out;
    }

    /** A text field of a multipart or urlencoded form, or null. */
    public static String formText(Context ctx, String name) {
        try {
            return ctx.formParam(name);
        } catch (Exception e) { // Jetty's "bad multipart" arrives as a checked ServletException, through Kotlin
            throw new BadRequestException("body", "is not a form that can be read");
        }
    }
}
