package dev.hotfixlog.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.Config;
import dev.hotfixlog.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The work an archive can cause is bounded before it is parsed: a line longer than any archive holds (a few
 * hundred kilobytes of gzip can unpack into gigabytes on one line) is refused naming the line, not read into
 * memory; and the largest attachment a log takes is one whose line every restore can read.
 */
class ArchiveBoundsTest {
    @Test
    void aLineLongerThanAnyArchiveHolds_isRefusedNamingIt() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(("{\"archive\":\"hotfix-log-archive\",\"format\":1,\"schemaVersion\":1,\"takenAt\":\"x\","
                            + "\"from\":\"sqlite\"}\n[\"")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (long written = 0; written <= BoundedLines.MAX_LINE_CHARS; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\"]\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(gz.size()).as("small on disk").isLessThan(1 << 20);
        assertThatThrownBy(() -> Backups.verify(new ByteArrayInputStream(gz.toByteArray())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("archive: line 2 is longer than " + BoundedLines.MAX_LINE_CHARS + " characters");
    }

    @Test
    void anAttachmentLimitAboveWhatAnArchiveHolds_isRefusedAtStart() {
        assertThat(Config.resolve(Map.of(), Map.of("HOTFIX_ATTACH_MAX_FILE", "67108864"))
                        .attachMaxFile())
                .isEqualTo(Backups.MAX_ATTACHMENT_BYTES);
        assertThatThrownBy(() -> Config.resolve(
                        Map.of(),
                        Map.of("HOTFIX_ATTACH_MAX_FILE", "67108865", "HOTFIX_ATTACH_MAX_RECORD", "134217728")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("HOTFIX_ATTACH_MAX_FILE: must be between 1024 and 67108864");
    }
}
