package dev.hotfixlog.web;

import dev.hotfixlog.error.PreconditionRequiredException;
import dev.hotfixlog.error.ValidationException;
import io.javalin.http.Context;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small, shared readings of a request: who is acting, and which version an edit was based on. */
public final class Requests {
    /** Until accounts exist (issue "Who may do what") the caller names itself; the default is honest about it. */
    public static final String ACTOR_HEADER = "X-Hotfix-Actor";
    private static final Pattern ETAG = Pattern.compile("^\\s*(?:W/)?\"(\\d{1,9})\"\\s*$");

    private Requests() {
    }

    public static String actor(Context ctx) {
        String a = ctx.header(ACTOR_HEADER);
        if (a == null || a.isBlank()) {
            return "api";
        }
        return a.strip().length() > 200 ? a.strip().substring(0, 200) : a.strip();
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
}
