package dev.hotfixlog.web;

import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Whether a request's client is still there to read the answer, for work long enough to check between its steps
 * (months of metrics): a client that hung up must not keep a core busy for the rest of it. Jetty learns of a
 * hang-up when the connection fails or its end point closes; a check is two field reads.
 */
public final class ClientWatch {
    private ClientWatch() {}

    /** True while {@code ctx}'s connection is open and has not failed; always true outside Jetty (tests). */
    public static BooleanSupplier of(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request == null) {
            return () -> true;
        }
        AtomicBoolean failed = new AtomicBoolean();
        request.addFailureListener(x -> failed.set(true));
        var endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        return () -> !failed.get() && endPoint.isOpen();
    }
}
