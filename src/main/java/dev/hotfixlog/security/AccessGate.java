package dev.hotfixlog.security;

import dev.hotfixlog.error.ForbiddenException;
import dev.hotfixlog.error.UnauthorizedException;
import dev.hotfixlog.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Set;

/**
 * Every matched route passes here first. A route names the least {@link Role} it needs; one that names none is
 * refused to everyone, so a forgotten rule fails closed. Afterwards every change, and every refusal, is written
 * to the audit log with who, what, from where and how it ended.
 */
public final class AccessGate {
    private static final String REASON = "hotfix.auth-failure";
    private final TokenService tokens;
    private final AuditLog audit;

    public AccessGate(TokenService tokens, AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.beforeMatched(this::check);
        routes.after(this::audit);
    }

    private void check(Context ctx) {
        Set<RouteRole> declared = ctx.routeRoles();
        if (declared.contains(Role.ANYONE)) {
            return;
        }
        Role needed = declared.stream().filter(Role.class::isInstance).map(Role.class::cast)
                .min(Enum::compareTo).orElse(null);
        if (needed == null) {
            throw new ForbiddenException(ctx.method() + " " + ctx.path() + " has no access rule, so it is refused "
                    + "to everyone");
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            fail(ctx, "no credentials", "sign in first: send Authorization: Bearer <API token>");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            fail(ctx, "not a bearer token", "only Authorization: Bearer <API token> is accepted");
        }
        Principal p = tokens.authenticate(header.substring(7).trim()).orElse(null);
        if (p == null) {
            fail(ctx, "unknown, expired or revoked token", "the token is unknown, expired or revoked; ask an "
                    + "admin for a new one");
        }
        ctx.attribute(Requests.PRINCIPAL_NAME, p.name());
        if (!p.role().covers(needed)) {
            throw new ForbiddenException(p.name() + " has the role " + p.role().json() + "; " + ctx.method() + " "
                    + ctx.path() + " needs " + needed.json());
        }
    }

    private static void fail(Context ctx, String reason, String message) {
        ctx.attribute(REASON, reason);
        throw new UnauthorizedException(message);
    }

    private void audit(Context ctx) {
        int status = ctx.statusCode();
        boolean change = !Set.of("GET", "HEAD", "OPTIONS").contains(ctx.method().name());
        if (!change && status != 401 && status != 403) {
            return;
        }
        String subject = ctx.pathParamMap().getOrDefault("id", null);
        audit.record(Requests.actor(ctx), ctx.method().name() + " " + ctx.path(), subject, ctx.ip(), status,
                ctx.attribute(REASON));
    }
}
