package dev.hotfixlog.security;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.time.TimeText;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Admin routes: API tokens (create, list, revoke) and the audit log. */
public final class SecurityRoutes {
    private static final Set<String> TOKEN_FIELDS = Set.of("name", "role", "expiresAt");
    private final TokenService tokens;
    private final AuditLog audit;
    private final Pages pages;
    private final AccountService accounts;

    public SecurityRoutes(TokenService tokens, AuditLog audit, Pages pages, AccountService accounts) {
        this.tokens = tokens;
        this.audit = audit;
        this.pages = pages;
        this.accounts = accounts;
    }

    public void register(RoutesConfig r) {
        r.post("/api/v1/tokens", this::create, Role.ADMIN);
        r.get("/api/v1/tokens", this::list, Role.ADMIN);
        r.delete("/api/v1/tokens/{id}", this::revoke, Role.ADMIN);
        r.get("/api/v1/audit", this::audit, Role.ADMIN);
        r.get("/admin/audit", this::auditPage, Role.ADMIN);
        r.get("/api/v1/users", this::users, Role.ADMIN);
        r.post("/api/v1/users", this::addUser, Role.ADMIN);
    }

    private void users(Context ctx) {
        ObjectNode o = Json.object();
        ArrayNode items = o.putArray("items");
        for (String[] a : accounts.list()) {
            items.addObject()
                    .put("username", a[0])
                    .put("role", a[1])
                    .put("source", a[2])
                    .put("mustChangePassword", Boolean.parseBoolean(a[3]));
        }
        ctx.contentType("application/json").result(Json.write(o));
    }

    /** A new local account with a one-time password, shown once here and changed at its first sign-in. */
    private void addUser(Context ctx) {
        ObjectNode body = Json.parseObject(Requests.body(ctx));
        body.fieldNames().forEachRemaining(f -> {
            if (!Set.of("username", "role").contains(f)) {
                throw ValidationException.of(f, "is not a field of a user; use username, role");
            }
        });
        Role role = Role.parseGrantable("role", body.path("role").asText(null));
        String username =
                body.path("username").isTextual() ? body.get("username").asText() : null;
        String password = accounts.createWithOneTimePassword(username, role);
        ctx.attribute(Requests.AUDIT_DETAIL, "user " + username.strip() + " added as " + role.json());
        ctx.attribute(Requests.AUDIT_SUBJECT, "user " + username.strip());
        ctx.status(201)
                .contentType("application/json")
                .result(Json.write(Json.object()
                        .put("username", username.strip())
                        .put("role", role.json())
                        .put("oneTimePassword", password)));
    }

    private void auditPage(Context ctx) {
        Map<String, Object> p = Requests.pageModel(ctx);
        p.put("events", audit.recent(200));
        pages.render(ctx, 200, "audit.jte", p);
    }

    private void create(Context ctx) {
        ObjectNode body = Json.parseObject(Requests.body(ctx));
        body.fieldNames().forEachRemaining(f -> {
            if (!TOKEN_FIELDS.contains(f)) {
                throw ValidationException.of(f, "is not a field of a token; use name, role, expiresAt");
            }
        });
        if (!body.path("name").isTextual()) {
            throw ValidationException.of("name", "is required: who or what the token acts as");
        }
        Role role = Role.parseGrantable("role", body.path("role").asText(null));
        Instant expires = body.hasNonNull("expiresAt")
                ? TimeText.parseInstant("expiresAt", body.get("expiresAt").asText())
                : null;
        IssuedToken issued = tokens.create(body.get("name").asText(), role, expires, Requests.actor(ctx));
        ObjectNode o = write(issued.token());
        o.put("token", issued.secret());
        ctx.attribute(Requests.AUDIT_SUBJECT, "token " + issued.token().id());
        ctx.status(201).contentType("application/json").result(Json.write(o));
    }

    private void list(Context ctx) {
        ObjectNode o = Json.object();
        ArrayNode items = o.putArray("items");
        tokens.list().forEach(t -> items.add(write(t)));
        ctx.contentType("application/json").result(Json.write(o));
    }

    private void revoke(Context ctx) {
        ctx.contentType("application/json").result(Json.write(write(tokens.revoke(ctx.pathParam("id")))));
    }

    private void audit(Context ctx) {
        int limit = Requests.intQuery(ctx, "limit", 100);
        ObjectNode o = Json.object();
        ArrayNode items = o.putArray("items");
        for (AuditEvent e : audit.recent(limit)) {
            ObjectNode i = items.addObject();
            i.put("id", e.id());
            i.put("at", e.at().toString());
            i.put("actor", e.actor());
            i.put("action", e.action());
            i.put("subject", e.subject());
            i.put("source", e.source());
            i.put("outcome", e.outcome());
            i.put("detail", e.detail());
        }
        ctx.contentType("application/json").result(Json.write(o));
    }

    static ObjectNode write(ApiToken t) {
        ObjectNode o = Json.object();
        o.put("id", t.id());
        o.put("name", t.name());
        o.put("role", t.role().json());
        o.put("prefix", t.prefix());
        o.put("createdAt", t.createdAt().toString());
        o.put("createdBy", t.createdBy());
        o.put("expiresAt", t.expiresAt() == null ? null : t.expiresAt().toString());
        o.put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
        return o;
    }
}
