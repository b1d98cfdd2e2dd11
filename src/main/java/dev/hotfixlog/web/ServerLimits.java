package dev.hotfixlog.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
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
import org.eclipse.jetty.util.thread.Scheduler;

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
 *       turn; one slower than {@link #MIN_BODY_BYTES_PER_SECOND} is cut off while it arrives
 *       ({@link BodyDeadline}). Jetty's own minimum data rate is not used: it measures the servlet's reads of
 *       the body already in memory, so under a loaded CPU a thread descheduled between two reads turned a good
 *       declaration into a 500 (issue 31, {@code ConcurrentCreateTest} at a load of 11);</li>
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
    /** Added to a body's deadline: a connection's first packets may wait for a loaded server's accept. */
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

    private ServerLimits() {
    }

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
     * Reads each body whole, then takes a turn: the QoS handlers under the eager-content handler. {@code /health}
     * takes none. Requests of callers not known to {@code admission} (see {@link Admission}) first take one of
     * their own {@link #MAX_ACTIVE_ANONYMOUS}, then one of the {@link #MAX_ACTIVE_REQUESTS}; known callers wait for
     * the latter only, ahead of everyone else.
     */
    static Handler.Singleton protectiveHandlers(long maxBodyBytes, Admission admission) {
        // A body over the limit is passed on unread: Javalin answers it 413 as a problem document.
        EagerContentHandler eager = new EagerContentHandler(
                new EagerContentHandler.RetainedContentLoaderFactory(maxBodyBytes, 4_096, false));
        Share all = new Share(MAX_ACTIVE_REQUESTS, admission);
        Share anonymous = new Share(MAX_ACTIVE_ANONYMOUS, admission);
        anonymous.include(r -> admission.knownCaller(r) == null);
        anonymous.setHandler(all);
        eager.setHandler(new RetryAfter(new Counted(anonymous, admission)));
        return new BodyDeadline(eager, maxBodyBytes);
    }

    /**
     * A body must arrive at {@link #MIN_BODY_BYTES_PER_SECOND} or better, with {@link #BODY_GRACE} to start: past
     * its deadline the connection is closed while the eager handler still waits for it. The deadline is the whole
     * body's, so a client cannot keep it alive a byte at a time; one of unknown length gets the largest body's.
     */
    private static final class BodyDeadline extends Handler.Wrapper {
        private static final String ARRIVED = BodyDeadline.class.getName() + ".arrived";
        private final long maxBodyBytes;

        BodyDeadline(Handler next, long maxBodyBytes) {
            super(next);
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            long length = request.getLength();
            if (length == 0 || (length < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING))) {
                return super.handle(request, response, callback);
            }
            AtomicBoolean arrived = new AtomicBoolean();
            request.setAttribute(ARRIVED, arrived);
            long seconds = BODY_GRACE.toSeconds() + (length < 0 ? maxBodyBytes : length) / MIN_BODY_BYTES_PER_SECOND;
            Scheduler.Task cutOff = request.getComponents().getScheduler().schedule(() -> {
                if (!arrived.get()) {
                    request.getConnectionMetaData().getConnection().getEndPoint().close(new TimeoutException(
                            "request body slower than " + MIN_BODY_BYTES_PER_SECOND + " B/s"));
                }
            }, seconds, TimeUnit.SECONDS);
            Request.addCompletionListener(request, x -> cutOff.cancel());
            return super.handle(request, response, callback);
        }

        /** Called once the body is in memory: from then on the request is ours, however slowly we handle it. */
        static void arrived(Request request) {
            if (request.getAttribute(ARRIVED) instanceof AtomicBoolean b) {
                b.set(true);
            }
        }
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
        protected void failSuspended(Request request, Response response, Callback callback, int status,
                                     Throwable failure) {
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
            BodyDeadline.arrived(request);
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
            return super.handle(request, new Response.Wrapper(request, response) {
                @Override
                public void setStatus(int code) {
                    super.setStatus(code);
                    if (code == 503 && !getHeaders().contains("Retry-After")) {
                        getHeaders().put("Retry-After", String.valueOf(MAX_WAIT.toSeconds()));
                    }
                }
            }, callback);
        }
    }
}
