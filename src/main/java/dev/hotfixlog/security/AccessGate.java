package dev.hotfixlog.security;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.ForbiddenException;
import dev.hotfixlog.error.UnauthorizedException;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import dev.hotfixlog.web.SeeOther;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * Every matched route passes here first. A route names the least {@link Role} it needs; one that names none is
 * refused to everyone, so a forgotten rule fails closed. Afterwards every change, and every refusal, is written
 * to the audit log with who, what, from where and how it ended.
 */
public final class AccessGate {
    private static final Pattern QUERY_OR_FRAGMENT = Pattern.compile("[?#].*$");
    private final TokenService tokens;
    private final SessionService sessions;
    private final AuditLog audit;

    public AccessGate(TokenService tokens, SessionService sessions, AuditLog audit) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.beforeMatched(this::check);
        routes.after(this::audit);
    }

    /** The GET routes anyone may read; a HEAD of them is public too. */
    private static final Set<String> PUBLIC_GETS =
            Set.of("/health", "/api/v1/openapi.json", "/sign-in", "/sign-in/oidc", "/sign-in/oidc/callback");

    private void check(Context ctx) {
        Set<RouteRole> declared = ctx.routeRoles();
        if (declared.isEmpty() && ctx.method().name().equals("HEAD")) {
            // Javalin answers a HEAD with the GET route but hands the request none of its roles. A HEAD reads what
            // the GET reads: public for the public pages, a viewer's for the rest (never "no rule": that was a 403
            // for a valid token, audited as anonymous).
            declared = PUBLIC_GETS.contains(ctx.path()) || ctx.path().startsWith("/static/")
                    ? Set.of(Role.ANYONE)
                    : Set.of(Role.VIEWER);
        }
        if (declared.contains(Role.ANYONE)) {
            return;
        }
        Role needed = declared.stream()
                .filter(Role.class::isInstance)
                .map(Role.class::cast)
                .min(Enum::compareTo)
                .orElse(null);
        if (needed == null) {
            throw new ForbiddenException(
                    ctx.method() + " " + ctx.path() + " has no access rule, so it is refused " + "to everyone");
        }
        Principal p = ctx.header("Authorization") != null ? bearer(ctx) : session(ctx);
        ctx.attribute(Requests.PRINCIPAL_NAME, p.name());
        ctx.attribute(Requests.CAN_EDIT, p.role().covers(Role.RESPONDER));
        if (!p.role().covers(needed)) {
            throw new ForbiddenException(p.name() + " has the role " + p.role().json() + "; " + ctx.method() + " "
                    + ctx.path() + " needs " + needed.json());
        }
    }

    private Principal bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            fail(ctx, "not a bearer token", "only Authorization: Bearer <API token> is accepted");
        }
        return tokens.authenticate(header.substring(7).trim()).orElseGet(() -> {
            fail(
                    ctx,
                    "unknown, expired or revoked token",
                    "the token is unknown, expired or revoked; ask an " + "admin for a new one");
            return null;
        });
    }

    /**
     * A browser: its session cookie, its CSRF token on every change, and a forced password change before
     * anything else. Pages send a browser without a session to the sign-in page; the API answers 401.
     */
    private Principal session(Context ctx) {
        // /metrics is for a Prometheus scraper, not a person: a 401 it can report, not a sign-in page.
        boolean page = !ctx.path().startsWith("/api/") && !ctx.path().equals("/metrics");
        WebSession s = sessions.find(ctx.cookie(SignInRoutes.SESSION_COOKIE)).orElse(null);
        if (s == null) {
            // An in-place (htmx) request is answered 401, not sent to sign in: the sign-in page would be swapped
            // into the section and hide what the person typed; the page's banner explains instead.
            if (page && !Requests.isHtmx(ctx)) {
                ctx.attribute(REASON, "no session: sent to sign in");
                throw new SeeOther("/sign-in?next="
                        + URLEncoder.encode(SignInRoutes.safeNext(ctx.path()), StandardCharsets.UTF_8));
            }
            fail(ctx, "no credentials", "sign in first: send Authorization: Bearer <API token>");
        }
        ctx.attribute(Requests.CSRF_TOKEN, s.csrfToken());
        if (!Set.of("GET", "HEAD", "OPTIONS").contains(ctx.method().name())) {
            String sent = ctx.header("X-CSRF-Token");
            if (sent == null && page) {
                sent = Requests.formText(ctx, "_csrf");
            }
            if (sent == null
                    || !MessageDigest.isEqual(
                            sent.getBytes(StandardCharsets.UTF_8), s.csrfToken().getBytes(StandardCharsets.UTF_8))) {
                ctx.attribute(Requests.PRINCIPAL_NAME, s.account().username());
                ctx.attribute(REASON, "missing or wrong CSRF token");
                throw new ForbiddenException(
                        "this form or call is missing its CSRF token; reload the page and try " + "again");
            }
        }
        if (s.account().mustChangePassword()
                && !ctx.path().equals("/account/password")
                && !ctx.path().equals("/sign-out")) {
            ctx.attribute(Requests.PRINCIPAL_NAME, s.account().username());
            if (page) {
                throw new SeeOther("/account/password");
            }
            throw new ForbiddenException("change your one-time password first, at /account/password");
        }
        return new Principal(s.account().username(), s.account().role(), "session");
    }

    private static final String REASON = Requests.AUDIT_DETAIL;

    private static void fail(Context ctx, String reason, String message) {
        ctx.attribute(REASON, reason);
        throw new UnauthorizedException(message);
    }

    /** The route's own word, else the id or name in the path, else what a create's Location names. */
    private static String subject(Context ctx) {
        String said = ctx.attribute(Requests.AUDIT_SUBJECT);
        if (said != null) {
            return said;
        }
        for (String param : List.of("id", "name")) {
            String value = ctx.pathParamMap().get(param);
            if (value != null) {
                return value;
            }
        }
        String location = ctx.res().getHeader("Location");
        if (location != null && ctx.statusCode() / 100 != 4 && ctx.statusCode() / 100 != 5) {
            String path = QUERY_OR_FRAGMENT.matcher(location).replaceFirst("");
            String last = path.substring(path.lastIndexOf('/') + 1);
            return last.isEmpty() ? null : last;
        }
        return null;
    }

    private void audit(Context ctx) {
        int status = ctx.statusCode();
        boolean change = !Set.of("GET", "HEAD", "OPTIONS").contains(ctx.method().name());
        if (!change && status != 401 && status != 403 && ctx.attribute(REASON) == null) {
            return;
        }
        if (status / 100 == 2 && Boolean.TRUE.equals(ctx.attribute(Requests.AUDIT_KEPT_ELSEWHERE))) {
            return;
        }
        String subject = subject(ctx);
        audit.record(
                Requests.actor(ctx),
                ctx.method().name() + " " + ctx.path(),
                subject,
                ctx.ip(),
                status,
                ctx.attribute(REASON));
    }
}
