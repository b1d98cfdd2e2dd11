package dev.hotfixlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.TestDb;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;

/**
 * Every CLI command opens the log and then exits; the JVM's exit waits up to 0.3 s for each thread still in
 * native code (the webhook client's selector, when it was made at start-up, was one). Opening the log must
 * leave no such thread behind: a Java thread waiting in native code shows as RUNNABLE.
 */
class AppExitTest {
    @BothDatabases
    void openingTheLog_leavesNoThreadRunningThatWouldHoldTheExit(TestDb db) {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        try (App app = App.open(db.config(), Clock.systemUTC())) {
            // Threads of ours may be busy for a moment; one that waits in native code is RUNNABLE throughout.
            Awaitility.await()
                    .pollInSameThread()
                    .atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet().stream()
                                    .filter(t -> !before.contains(t) && t.getState() == Thread.State.RUNNABLE)
                                    .map(Thread::getName)
                                    .toList())
                            .as("threads started by opening the log, still running")
                            .isEmpty());
        }
    }
}
