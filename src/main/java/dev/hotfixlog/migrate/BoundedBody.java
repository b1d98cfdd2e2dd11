package dev.hotfixlog.migrate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * One answer's body, collected up to a size however it is sent (with a length, chunked, a byte at a time), with
 * the moment its last part arrived, so the one waiting for it can tell a silent source from a slow one and cut
 * either. Parts are counted as they come: a body past the limit is refused before it is held whole.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** A body past the limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super(null, null);
        }
    }

    private final int maxBytes;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile long lastPartNanos = System.nanoTime();
    private volatile Flow.Subscription subscription;

    BoundedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** {@link System#nanoTime()} when the request was made or the body's last part came. */
    long lastPartNanos() {
        return lastPartNanos;
    }

    /** Stops reading: the connection is given up and the body is never completed. */
    void cut() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.completeExceptionally(new IOException("cut"));
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        lastPartNanos = System.nanoTime();
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> parts) {
        lastPartNanos = System.nanoTime();
        for (ByteBuffer b : parts) {
            if ((long) bytes.size() + b.remaining() > maxBytes) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
