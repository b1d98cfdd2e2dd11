package dev.hotfixlog.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Who a request is, as far as load shedding needs to know, before any route runs (issue 31: under 1,000
 * connections {@code /health} and every responder's request were shed with everyone else's, so HAProxy took every
 * instance out at once). Three shares:
 * <ul>
 *   <li>{@code /health} takes no turn at all ({@link ServerLimits});</li>
 *   <li>a <em>known caller</em>: a request whose API token or session cookie this server accepted in the last
 *       {@link #REMEMBERED} (a credential merely sent is not enough, or anyone could claim the share). Known
 *       callers are let in before anyone else, and one of them with fewer than {@link #FAIR_SHARE} requests in
 *       progress before one flooding the server;</li>
 *   <li>everyone else (no credential, or one not yet seen to be good) shares at most
 *       {@link ServerLimits#MAX_ACTIVE_ANONYMOUS} of the turns, so they can never take the known callers' room.</li>
 * </ul>
 * A credential's first request goes in the anonymous share; once the gate has accepted it, its next ones are
 * known. Thread-safe; holds at most {@link #CALLERS} credentials' hashes, never a credential.
 */
public final class Admission {
    /** The session cookie's name (the sign-in routes set it). */
    public static final String SESSION_COOKIE = "hotfix_session";

    static final int CALLERS = 4_096;
    static final Duration REMEMBERED = Duration.ofMinutes(10);
    /** Requests one known caller may have in progress before the others come first. */
    static final int FAIR_SHARE = 4;
    /** Priorities of the turns' queue: the highest waits least. */
    static final int ANONYMOUS = 0;

    static final int KNOWN_BUSY = 1;
    static final int KNOWN = 2;
    private static final String CALLER_ATTRIBUTE = Admission.class.getName() + ".caller";

    private final Map<String, Long> known = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CALLERS;
        }
    };
    private final Map<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

    /** After a route: a request the access gate let through (it named who sent it) makes its credential known. */
    void accepted(Context ctx) {
        if (ctx.attribute(Requests.PRINCIPAL_NAME) == null || ctx.statusCode() == 401) {
            return;
        }
        String credential = credential(ctx.header("Authorization"), ctx.cookie(SESSION_COOKIE));
        if (credential != null) {
            synchronized (known) {
                known.put(hash(credential), System.nanoTime());
            }
        }
    }

    /** The hash of a known caller's credential on this request, or null for the anonymous share. */
    String knownCaller(Request request) {
        Object cached = request.getAttribute(CALLER_ATTRIBUTE);
        if (cached != null) {
            return cached instanceof String s ? s : null;
        }
        String credential = credential(request.getHeaders().get(HttpHeader.AUTHORIZATION), sessionCookie(request));
        String hash = null;
        if (credential != null) {
            String h = hash(credential);
            synchronized (known) {
                Long seen = known.get(h);
                if (seen != null && System.nanoTime() - seen < REMEMBERED.toNanos()) {
                    hash = h;
                }
            }
        }
        request.setAttribute(CALLER_ATTRIBUTE, hash == null ? Boolean.FALSE : hash);
        return hash;
    }

    /** The turn queue's priority of a request: known callers first, a flooding one after the others. */
    int priority(Request request) {
        String caller = knownCaller(request);
        if (caller == null) {
            return ANONYMOUS;
        }
        AtomicInteger n = inProgress.get(caller);
        return n != null && n.get() > FAIR_SHARE ? KNOWN_BUSY : KNOWN;
    }

    /** Counts a known caller's request from its arrival to its answer; returns what to run when it is answered. */
    Runnable arrived(Request request) {
        String caller = knownCaller(request);
        if (caller == null) {
            return () -> {};
        }
        inProgress.computeIfAbsent(caller, c -> new AtomicInteger()).incrementAndGet();
        return () -> inProgress.computeIfPresent(caller, (c, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** SHA-256, so the map holds no credential (web cannot use security's helper: security depends on web). */
    private static String hash(String credential) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String credential(String authorization, String session) {
        if (authorization != null && !authorization.isBlank()) {
            return "a:" + authorization.strip();
        }
        return session == null || session.isBlank() ? null : "s:" + session;
    }

    private static String sessionCookie(Request request) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(SESSION_COOKIE)) {
                return c.getValue();
            }
        }
        return null;
    }
}
