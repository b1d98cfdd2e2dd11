package dev.hotfixlog.web;

import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Bounded work under load and against slow clients (issue "Bounded work under hostile input"):
 * <ul>
 *   <li>connections not yet accepted wait in a kernel queue of {@link #ACCEPT_QUEUE}, not the JDK's default 50:
 *       past that queue Linux drops the handshake's last packet and the client's request waits for its
 *       retransmission (1, 3, 7, 15 s…), out of reach of any load shedding (1,000 connections opened at once
 *       timed out 51 at a time in bench/overload.sh);</li>
 *   <li>a fixed pool of worker threads, which never grows into hundreds; idle ones retire one a second
 *       (Jetty retires one per idle timeout), so a burst's threads are gone within a minute;</li>
 *   <li>a request's body is read whole, without a thread, before the request is handled
 *       ({@link EagerContentHandler}): a client trickling its body holds a connection, never a worker or a
 *       turn; one slower than {@link #MIN_BODY_BYTES_PER_SECOND} after {@link #BODY_GRACE} is cut off (408) as it
 *       arrives, and one announcing more than its route reads is refused (413) before any of it is waited for
 *       ({@link BodyLimits}). Jetty's own minimum data rate is not used: Jetty 12 keeps it but never applies it
 *       (a client at 0.5 B/s held its connection 300 s), and where it did apply it measured the servlet's reads
 *       of a body already in memory, so a thread descheduled under load turned a good declaration into a 500;</li>
 *   <li>at most {@link #MAX_ACTIVE_REQUESTS} are handled at once; up to {@link #MAX_WAITING} more wait
 *       {@link #MAX_WAIT} for a turn, and the rest are answered 503 with Retry-After (load shedding) instead of
 *       piling up, in words that say nothing of the request was done ({@link Shed});</li>
 *   <li>shares ({@link Admission}): {@code /health} takes no turn, callers not known to be signed in hold at most
 *       {@link #MAX_ACTIVE_ANONYMOUS} turns, and known callers are let in first.</li>
 * </ul>
 * {@code SlowClientTest} and {@code bench/overload.sh} show them.
 */
final class ServerLimits {
    /** The listen backlog; the kernel caps it at net.core.somaxconn (4,096 on current Linux). */
    static final int ACCEPT_QUEUE = 2_048;

    static final int WORKER_THREADS_MAX = 64;
    static final int WORKER_THREADS_MIN = 8;
    static final Duration WORKER_IDLE = Duration.ofSeconds(1);
    /** A request body slower than this is abandoned (HTTP 408): 1 KiB/s is slower than any real client's. */
    static final long MIN_BODY_BYTES_PER_SECOND = 1_024;
    /** How long a body may take to start flowing before its rate is held to the minimum: a loaded server's accept. */
    static final Duration BODY_GRACE = Duration.ofSeconds(10);

    static final int MAX_ACTIVE_REQUESTS = 32;
    /**
     * Of those, the most that callers not known to be signed in may hold: a quarter stays for the known ones
     * (responders, API tokens), so a flood of anonymous requests never leaves them waiting for a turn.
     */
    static final int MAX_ACTIVE_ANONYMOUS = 24;
    /** Answered without a turn: {@code /health} is cheap, and shedding it takes every instance out at once. */
    static final String HEALTH = "/health";

    static final int MAX_WAITING = 1_024;
    /** Longer than a request takes even under load, shorter than a client's patience: then a 503 says "later". */
    static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private ServerLimits() {}

    static ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        return connector;
    }

    static QueuedThreadPool workers() {
        return new QueuedThreadPool(WORKER_THREADS_MAX, WORKER_THREADS_MIN, (int) WORKER_IDLE.toMillis());
    }

    /**
     * Reads each body whole, then takes a turn: the QoS handlers under the eager-content handler, both under the
     * body's own limits ({@link BodyLimits}: its route's size, known from its head, and its rate); the strict
     * reading of its Content-Type ({@link ContentTypeGate}) comes once the body is read, so its refusal is read too. {@code /health} takes no turn. Requests of callers not
     * known to {@code admission} (see {@link Admission}) first take one of their own {@link #MAX_ACTIVE_ANONYMOUS},
     * then one of the {@link #MAX_ACTIVE_REQUESTS}; known callers wait for the latter only, ahead of everyone else.
     *
     * @param limits   the largest body a request may send, by its method and path (RequestGuard's limits)
     * @param problems answers the requests these handlers refuse before Javalin sees them
     */
    static Handler.Singleton protectiveHandlers(
            long maxBodyBytes, BodyLimits.RouteLimit limits, Admission admission, ProblemMapper problems) {
        // A body over the limit is passed on unread: Javalin answers it 413 as a problem document.
        EagerContentHandler eager = new EagerContentHandler(
                new EagerContentHandler.RetainedContentLoaderFactory(maxBodyBytes, 4_096, false));
        Share all = new Share(MAX_ACTIVE_REQUESTS, admission);
        Share anonymous = new Share(MAX_ACTIVE_ANONYMOUS, admission);
        anonymous.include(r -> admission.knownCaller(r) == null);
        anonymous.setHandler(all);
        // The Content-Type is judged after the body is read (bounded by its route's size and rate): a refusal sent
        // while the client still writes is destroyed by the reset of the close, as the 413 was (BodyLimits drains).
        eager.setHandler(BodyLimits.answerCutOff(
                new ContentTypeGate(new RetryAfter(new Counted(anonymous, admission)), problems), problems));
        return new BodyLimits(eager, limits, MIN_BODY_BYTES_PER_SECOND, BODY_GRACE, problems);
    }

    /** A QoS handler that answers a request it turns away in words, and lets known callers in first. */
    private static final class Share extends QoSHandler {
        private final Admission admission;

        Share(int active, Admission admission) {
            this.admission = admission;
            setMaxRequestCount(active);
            setMaxSuspendedRequestCount(MAX_WAITING);
            setMaxSuspend(MAX_WAIT);
            setRejectStatusCode(503);
            // The load balancer's check is answered whatever the load: shedding it takes the instance out.
            excludePath(HEALTH);
        }

        @Override
        protected int getPriority(Request request) {
            return admission.priority(request);
        }

        @Override
        protected void reject(Request request, Response response, Callback callback, int status) {
            Shed.answer(request, response, callback);
        }

        @Override
        protected void failSuspended(
                Request request, Response response, Callback callback, int status, Throwable failure) {
            Shed.answer(request, response, callback);
        }
    }

    /** Counts each known caller's requests in progress, for its place in the queue ({@link Admission#priority}). */
    private static final class Counted extends Handler.Wrapper {
        private final Admission admission;

        Counted(Handler next, Admission admission) {
            super(next);
            this.admission = admission;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Runnable done = admission.arrived(request);
            Request.addCompletionListener(request, x -> done.run());
            return super.handle(request, response, callback);
        }
    }

    /** A request turned away (503) is told when to come back, as HTTP says: the QoS handler does not say it. */
    private static final class RetryAfter extends Handler.Wrapper {
        RetryAfter(Handler next) {
            super(next);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            return super.handle(
                    request,
                    new Response.Wrapper(request, response) {
                        @Override
                        public void setStatus(int code) {
                            super.setStatus(code);
                            if (code == 503 && !getHeaders().contains("Retry-After")) {
                                getHeaders().put("Retry-After", String.valueOf(MAX_WAIT.toSeconds()));
                            }
                        }
                    },
                    callback);
        }
    }
}
