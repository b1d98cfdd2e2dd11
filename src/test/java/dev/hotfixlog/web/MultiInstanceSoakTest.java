package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.bench.Soak;
import dev.hotfixlog.support.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL behind HAProxy, 16 writers and 4 readers, one instance killed with SIGKILL and
 * restarted twice (bench/soak.sh for 45 s): every acknowledged write is stored once, every alert is delivered once,
 * and a signed-in browser session never has to sign in again. Sessions, CSRF tokens, idempotency keys and the
 * outbox live in the database, so either instance can answer any request.
 */
@Tag("slow")
class MultiInstanceSoakTest {
    @Test
    void twoInstancesBehindAProxy_loseNothingAndRepeatNothing_whenOneIsKilledTwice() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/sbin/haproxy"))) {
            String why = "/usr/sbin/haproxy is missing; install it with: apt-get install -y haproxy";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        try (TestDb db = TestDb.postgres()) {
            Soak.Report r = Soak.run(db.url(), Files.createTempDirectory("hotfix-soak-"), Duration.ofSeconds(45));
            System.out.println(r.markdown());
            assertThat(r.problems()).as(r.markdown()).isEmpty();
            assertThat(r.kills()).hasSize(2);
            assertThat(r.acknowledged()).isGreaterThan(50);
            assertThat(r.alertsDelivered()).as("one alert per stored hotfix").isEqualTo(r.stored());
            assertThat(r.duplicateAlerts()).as("no message twice").isZero();
            assertThat(r.browserChecks()).isGreaterThanOrEqualTo(6);
        }
    }
}
