package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.error.BusyException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Machine senders' turns: at most so many at once, the rest wait, and one that waits too long is told to retry. */
class IngestGateTest {
    @Test
    void atMostSoManyAtOnce_theRestWait_andAWaitTooLongIsBusy() throws Exception {
        IngestGate turns = new IngestGate(2, Duration.ofMillis(200));
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger most = new AtomicInteger();
        AtomicInteger now = new AtomicInteger();
        Runnable hold = () -> turns.take(() -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.decrementAndGet();
            return null;
        });
        CompletableFuture<Void> a = CompletableFuture.runAsync(hold);
        CompletableFuture<Void> b = CompletableFuture.runAsync(hold);
        inside.await();
        assertThatThrownBy(() -> turns.take(() -> "third"))
                .isInstanceOf(BusyException.class)
                .hasMessageContaining("retry");
        release.countDown();
        a.get();
        b.get();
        assertThat(most.get()).isEqualTo(2);
        assertThat(turns.take(() -> "after")).isEqualTo("after");
    }
}
