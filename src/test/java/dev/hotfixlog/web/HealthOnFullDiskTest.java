package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.Setting;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A SQLite log on a disk that filled up while the server was down: after the restart {@code /health} must say
 * "degraded, not writable" before anyone's declaration fails, not "up, writable" (issue 31). The disk is a small
 * tmpfs of its own (the test needs root to mount it, and is skipped without).
 */
class HealthOnFullDiskTest {
    @Test
    void restartedOnANearlyFullDisk_healthSaysNotWritable_andWritableOnceThereIsRoom() throws Exception {
        Path disk = Files.createTempDirectory("hotfix-small-disk-");
        mountSmallDisk(disk);
        try (TestDb ignored = TestDb.sqlite()) {
            Map<Setting, String> onDisk = Map.of(
                    Setting.DB_URL, "jdbc:sqlite:" + disk.resolve("hotfix.db"), Setting.DATA_DIR, disk.toString());
            try (RunningServer s = new RunningServer(ignored.config(onDisk), MutableClock.at("2026-10-04T02:17:00Z"))) {
                assertThat(s.anonymous().get("/health").status()).isEqualTo(200);
            }
            Path filler = disk.resolve("filler");
            fill(filler);

            try (RunningServer s = new RunningServer(ignored.config(onDisk), MutableClock.at("2026-10-04T02:18:00Z"))) {
                Http.Response health = s.anonymous().get("/health");
                assertThat(health.status()).as(health.body()).isEqualTo(503);
                assertThat(health.json().path("status").asText()).isEqualTo("degraded");
                assertThat(health.json().path("database").path("writable").asBoolean())
                        .isFalse();
                assertThat(health.json().path("database").path("error").asText())
                        .startsWith("the database is full: free disk space where it lives");

                Files.delete(filler);
                Http.Response again = s.anonymous().get("/health");
                assertThat(again.status()).as(again.body()).isEqualTo(200);
                assertThat(again.json().path("database").path("writable").asBoolean())
                        .isTrue();
            }
        } finally {
            new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor();
            Files.deleteIfExists(disk);
        }
    }

    private static void mountSmallDisk(Path at) throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", at.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(mount.getInputStream().readAllBytes());
        if (mount.waitFor() != 0) {
            Files.deleteIfExists(at);
            Assumptions.abort("cannot mount a small tmpfs (needs root): " + said);
        }
    }

    /**
     * Writes until the disk is full, then gives back 256 KB: enough for the server to start (its WAL index) and for
     * a small write to fit, not for a day of declarations.
     */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left");
        }
        try (var channel = FileChannel.open(filler, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 256 * 1024);
        }
    }
}
