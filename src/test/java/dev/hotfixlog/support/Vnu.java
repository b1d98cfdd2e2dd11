package dev.hotfixlog.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Nu HTML Checker (vnu), the W3C's validator, run as a process on built HTML files. The jar comes from the
 * npm package {@code vnu-jar} (Maven Central has no current release): {@code HOTFIX_VNU_JAR}, else
 * {@code target/vnu}, where it is installed with npm on first use. No jar and no npm is a failure, not a skip.
 */
public final class Vnu {
    static final String VERSION = "26.9.27";
    private static final Path LOCAL = Path.of("target", "vnu");

    private Vnu() {}

    static Path jar() throws IOException, InterruptedException {
        String env = System.getenv("HOTFIX_VNU_JAR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path jar = LOCAL.resolve("node_modules/vnu-jar/build/dist/vnu.jar");
        if (!Files.exists(jar)) {
            Files.createDirectories(LOCAL);
            Process npm = new ProcessBuilder(
                            "npm",
                            "install",
                            "--prefix",
                            LOCAL.toString(),
                            "--no-audit",
                            "--no-fund",
                            "vnu-jar@" + VERSION)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(jar)) {
                throw new IllegalStateException(
                        "could not install vnu-jar with npm (set HOTFIX_VNU_JAR to a vnu.jar):" + "\n" + out);
            }
        }
        return jar;
    }

    /** The checker's errors for these HTML files (empty: valid); its own failure to run is an exception. */
    public static String errors(List<Path> files) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar().toString(),
                "--errors-only",
                "--format",
                "text"));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("vnu did not finish in 5 minutes");
        }
        if (p.exitValue() == 0) {
            return ""; // it says "Document checking completed. No errors found."
        }
        if (out.isBlank()) {
            throw new IllegalStateException("vnu failed with exit code " + p.exitValue());
        }
        return out.strip();
    }
}
