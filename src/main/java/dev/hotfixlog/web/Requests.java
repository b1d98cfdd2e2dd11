package dev.hotfixlog.web;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.BadRequestException;
import dev.hotfixlog.error.PreconditionRequiredException;
import dev.hotfixlog.error.ValidationException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    /** The request's form, once read (see {@link #form}). */
    private static final String FORM = "hotfix.form";

    private static final String PARTS = "hotfix.multipart";
    /**
     * An ETag this API sends, exactly: an entity tag is compared as a string (RFC 9110 §8.8.3), so {@code "05"} is not
     * {@code "5"}, and If-Match compares strongly (§13.1.1), so a weak {@code W/"5"} matches nothing.
     */
    private static final Pattern ETAG = Pattern.compile("^[[:space:]]*\"(0|[1-9]\\d{0,8})\"[[:space:]]*$");

    private Requests() {}

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
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                                + (isHttps(ctx) ? "; Secure" : ""));
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
     * A yes/no query parameter: exactly {@code true} or {@code false}, given once, or false when absent. Anything
     * else is a 400 naming the parameter, so a typo never flips the meaning (a dry run that imports): no value
     * ({@code ?dryRun}, {@code ?dryRun=}), another word ({@code 1}, {@code yes}, {@code TRUE}), two values, or the
     * name spelt another way ({@code dryrun}, {@code dry_run}, {@code dry-run}).
     */
    public static boolean boolQuery(Context ctx, String name) {
        for (String sent : ctx.queryParamMap().keySet()) {
            if (!sent.equals(name) && looseName(sent).equals(looseName(name))) {
                throw new BadRequestException(sent, "is not a parameter here; did you mean " + name + "?");
            }
        }
        List<String> values = ctx.queryParams(name);
        if (values.isEmpty()) {
            return false;
        }
        if (values.size() > 1) {
            throw new BadRequestException(name, "is given " + values.size() + " times; give it once, true or false");
        }
        return switch (values.get(0)) {
            case "true" -> true;
            case "false" -> false;
            case "" ->
                throw new BadRequestException(name, "has no value; write " + name + "=true or " + name + "=false");
            default -> throw new BadRequestException(name, "must be true or false, was '" + values.get(0) + "'");
        };
    }

    /** A parameter's name without case, '_' or '-': dry_run, DryRun and dry-run all come to dryrun. */
    private static String looseName(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /**
     * The query parameters named {@code prefix} + a name ({@code ?field.region=eu}), by name, each given once: a
     * name given twice is a 400 (which of the two was meant?), an empty value is skipped.
     */
    public static Map<String, String> prefixedQuery(Context ctx, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
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
            throw ValidationException.of(
                    "If-Match",
                    "'" + h + "' is not an ETag of this API; send the ETag header of the version you edited as it"
                            + " came, e.g. \"3\" (a weak W/ tag never matches an If-Match)");
        }
        return Integer.parseInt(m.group(1));
    }

    /** A file of a multipart request: the name the sender gave it (a label, never a path) and its bytes. */
    public record FilePart(String fileName, byte[] bytes) {}

    /**
     * The files of a multipart upload (parts named {@code file}), read only after the request's length was held
     * to the route's limit (RequestGuard, the server's body limit); at most {@code maxFiles} of them. A body that
     * is not a readable multipart form is a 400 naming the body.
     */
    public static List<FilePart> files(Context ctx, int maxFiles) {
        form(ctx); // the header and the body, checked once
        List<FilePart> out = new ArrayList<>();
        for (MultipartForm.Part p : multipart(ctx, MediaType.parse(ctx.header("Content-Type")))) {
            if (p.name().equals("file") && p.fileName() != null) {
                out.add(new FilePart(p.fileName(), p.bytes()));
            }
        }
        if (out.isEmpty()) {
            throw ValidationException.of("file", "is required: send the file as a multipart part named file");
        }
        if (out.size() > maxFiles) {
            throw ValidationException.of("file", "at most " + maxFiles + " files a request, was " + out.size());
        }
        return out;
    }

    /** A text field of a multipart or urlencoded form (its first value), or null. */
    public static String formText(Context ctx, String name) {
        List<String> values = form(ctx).get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The request's body as text: UTF-8 whatever charset the header names (RequestGuard refused any other, and
     * checked the bytes). Never {@code ctx.body()}: Javalin decodes with the header's charset as it finds it, and
     * {@code charset="utf-8} made that a 500.
     */
    public static String body(Context ctx) {
        return new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    }

    /**
     * The request's form, read once and kept on the request: the only reading of a form, so every route (and the
     * access gate's CSRF check, which runs first) gets the same 400 for a broken one, never a 500 from Jetty's
     * parser or Javalin's charset. Multipart goes to Jetty's parser; anything else is read as urlencoded UTF-8
     * (as Javalin did, for a form posted without its Content-Type).
     */
    public static Map<String, List<String>> form(Context ctx) {
        Map<String, List<String>> kept = ctx.attribute(FORM);
        if (kept == null) {
            kept = readForm(ctx);
            ctx.attribute(FORM, kept);
        }
        return kept;
    }

    /**
     * A body kept earlier (a chat's request run again from its inbox) read as {@link #form(Context)} reads a
     * request's: URL-encoded, or multipart's fields.
     */
    public static Map<String, List<String>> form(String contentType, byte[] body) {
        MediaType type = MediaType.parse(contentType);
        if (type != null) {
            type.requireUtf8();
        }
        if (type != null && type.type().equals("multipart/form-data")) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (MultipartForm.Part p : MultipartForm.parse(body, MultipartForm.requireBoundary(type))) {
                if (p.fileName() == null) {
                    fields.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p.text());
                }
            }
            return fields;
        }
        return UrlEncodedForm.parse(body);
    }

    private static Map<String, List<String>> readForm(Context ctx) {
        MediaType type = MediaType.parse(ctx.header("Content-Type"));
        if (type != null) {
            type.requireUtf8();
        }
        if (type != null && type.type().equals("multipart/form-data")) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (MultipartForm.Part p : multipart(ctx, type)) {
                if (p.fileName() == null) {
                    fields.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p.text());
                }
            }
            return fields;
        }
        return UrlEncodedForm.parse(ctx.bodyAsBytes());
    }

    /** The parts of a multipart body, read once and kept on the request (a form's fields, an upload's files). */
    private static List<MultipartForm.Part> multipart(Context ctx, MediaType type) {
        List<MultipartForm.Part> kept = ctx.attribute(PARTS);
        if (kept == null) {
            String boundary = MultipartForm.requireBoundary(type);
            kept = MultipartForm.parse(ctx.bodyAsBytes(), boundary);
            ctx.attribute(PARTS, kept);
        }
        return kept;
    }
}
