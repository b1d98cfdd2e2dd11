package dev.hotfixlog.security;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.ForbiddenException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.web.Admission;
import dev.hotfixlog.web.Pages;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Web sign-in, sign-out and password change. The sign-in form is protected against CSRF by a double-submit
 * cookie (there is no session yet); everything after it by the session's own token. Failed sign-ins are
 * limited per account and per address, counted in the shared audit log so the limit holds across instances.
 */
public final class SignInRoutes {
    public static final String SESSION_COOKIE = Admission.SESSION_COOKIE;
    static final String PRE_SESSION_CSRF_COOKIE = "hotfix_csrf";
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    static final int MAX_FAILURES_PER_ACCOUNT = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    private final AccountService accounts;
    private final SessionService sessions;
    private final AuditRepository failures = new AuditRepository();
    private final Database db;
    private final Clock clock;
    private final Pages pages;
    private final boolean singleSignOn;
    private final SecureRandom random = new SecureRandom();

    public SignInRoutes(
            AccountService accounts,
            SessionService sessions,
            Database db,
            Clock clock,
            Pages pages,
            boolean singleSignOn) {
        this.singleSignOn = singleSignOn;
        this.accounts = accounts;
        this.sessions = sessions;
        this.db = db;
        this.clock = clock;
        this.pages = pages;
    }

    public void register(RoutesConfig r) {
        r.get("/sign-in", this::form, Role.ANYONE);
        r.post("/sign-in", this::signIn, Role.ANYONE);
        r.post("/sign-out", this::signOut, Role.VIEWER);
        r.get("/account/password", this::passwordForm, Role.VIEWER);
        r.post("/account/password", this::changePassword, Role.VIEWER);
    }

    private void form(Context ctx) {
        showForm(ctx, 200, ctx.queryParam("next"), "", null);
    }

    private void showForm(Context ctx, int status, String next, String username, String error) {
        String csrf = ctx.cookie(PRE_SESSION_CSRF_COOKIE);
        if (csrf == null || csrf.length() != 43) {
            byte[] b = new byte[32];
            random.nextBytes(b);
            csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            Requests.setCookie(ctx, PRE_SESSION_CSRF_COOKIE, csrf, 3600);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("csrf", csrf);
        p.put("next", safeNext(next));
        p.put("username", username == null ? "" : username);
        p.put("error", error);
        p.put("sso", singleSignOn);
        p.put("nextQuery", URLEncoder.encode(safeNext(next), StandardCharsets.UTF_8));
        p.put(
                "firstStartFile",
                accounts.awaitingFirstSignIn() ? accounts.initialPasswordFile().toString() : null);
        pages.render(ctx, status, "signin.jte", p);
    }

    private void signIn(Context ctx) {
        String cookie = ctx.cookie(PRE_SESSION_CSRF_COOKIE);
        String sent = Requests.formText(ctx, "_csrf");
        if (cookie == null
                || sent == null
                || !MessageDigest.isEqual(
                        cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            ctx.attribute(Requests.AUDIT_DETAIL, "sign-in form without its CSRF token");
            throw new ForbiddenException("the sign-in form has expired; reload the page and sign in again");
        }
        String username = Optional.ofNullable(Requests.formText(ctx, "username"))
                .orElse("")
                .strip();
        String password =
                Optional.ofNullable(Requests.formText(ctx, "password")).orElse("");
        ctx.attribute(Requests.PRINCIPAL_NAME, username.isEmpty() ? "anonymous" : clip(username));
        if (tooManyFailures(username, ctx.ip())) {
            ctx.attribute(Requests.AUDIT_DETAIL, "sign-in refused: too many failures");
            ctx.header("Retry-After", String.valueOf(FAILURE_WINDOW.toSeconds()));
            showForm(
                    ctx,
                    429,
                    Requests.formText(ctx, "next"),
                    username,
                    "Too many failed sign-ins. Wait 15 minutes, or " + "ask an admin.");
            return;
        }
        Optional<Account> account = accounts.verify(username, password);
        if (account.isEmpty()) {
            ctx.attribute(Requests.AUDIT_DETAIL, "sign-in failed: wrong user name or password");
            showForm(ctx, 401, Requests.formText(ctx, "next"), username, "Wrong user name or password.");
            return;
        }
        Requests.setCookie(ctx, SESSION_COOKIE, sessions.start(account.get()), SessionService.LIFETIME.toSeconds());
        ctx.attribute(Requests.AUDIT_DETAIL, "signed in");
        String target =
                account.get().mustChangePassword() ? "/account/password" : safeNext(Requests.formText(ctx, "next"));
        ctx.status(303).header("Location", target);
    }

    private void signOut(Context ctx) {
        sessions.end(ctx.cookie(SESSION_COOKIE));
        Requests.setCookie(ctx, SESSION_COOKIE, "", 0);
        ctx.status(303).header("Location", "/sign-in");
    }

    private void passwordForm(Context ctx) {
        showPasswordForm(ctx, 200, null);
    }

    private void showPasswordForm(Context ctx, int status, String error) {
        Account a = sessionAccount(ctx);
        Map<String, Object> p = new HashMap<>();
        p.put("user", a.username());
        p.put("csrf", ctx.attribute(Requests.CSRF_TOKEN));
        p.put("forced", a.mustChangePassword());
        p.put("error", error);
        pages.render(ctx, status, "password.jte", p);
    }

    private void changePassword(Context ctx) {
        Account a = sessionAccount(ctx);
        try {
            accounts.changePassword(
                    a.username(),
                    Optional.ofNullable(Requests.formText(ctx, "current")).orElse(""),
                    Optional.ofNullable(Requests.formText(ctx, "password")).orElse(""));
        } catch (ValidationException e) {
            ctx.attribute(Requests.AUDIT_DETAIL, "password change refused");
            showPasswordForm(
                    ctx,
                    422,
                    e.errors().get(0).field().equals("current")
                            ? "That is not your current password."
                            : "The new password " + e.errors().get(0).message() + ".");
            return;
        }
        ctx.attribute(Requests.AUDIT_DETAIL, "password changed");
        ctx.status(303).header("Location", "/");
    }

    private Account sessionAccount(Context ctx) {
        Optional<WebSession> s = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (s.isEmpty()) {
            throw new ForbiddenException("changing a password needs a signed-in account, not an API token");
        }
        return s.get().account();
    }

    private boolean tooManyFailures(String username, String address) {
        long since = clock.millis() - FAILURE_WINDOW.toMillis();
        int[] counts = db.read(h -> failures.failedSignIns(h, clip(username), address, since));
        return counts[0] >= MAX_FAILURES_PER_ACCOUNT || counts[1] >= MAX_FAILURES_PER_ADDRESS;
    }

    private static final Pattern URL_SAFE_PATH = Pattern.compile("/[A-Za-z0-9/_\\-.~%?=&+:@!$'()*,;]*");

    /**
     * Only a path on this server, in plain URL characters: no scheme, no {@code //host}, no backslash, nothing
     * that would make the {@code Location} header an invalid or foreign URL. Anything else goes home.
     */
    static String safeNext(String next) {
        if (next == null
                || next.startsWith("//")
                || next.length() > 500
                || !URL_SAFE_PATH.matcher(next).matches()) {
            return "/";
        }
        return next;
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
