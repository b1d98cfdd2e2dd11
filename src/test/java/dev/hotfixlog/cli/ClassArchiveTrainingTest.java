package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive is recorded from this run; a command in it that stopped working would
 * quietly leave its classes out, so every one must succeed.
 */
class ClassArchiveTrainingTest {
    @Test
    void everyTrainedCommandSucceeds_andTheExportedLogImports(@TempDir Path dir) {
        assertThat(ClassArchiveTraining.train(dir)).isEmpty();

        StringWriter out = new StringWriter();
        int code = Cli.run(
                new String[] {"show", "HOTFIX-001"},
                Map.of("HOTFIX_DATA_DIR", dir.resolve("second").toString()),
                Clock.systemUTC(),
                Terminal.of(new StringReader(""), out, new StringWriter(), false));
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("Checkout returns 502 after a certificate rotation")
                .contains("Redeploy the previous tag");
    }
}
