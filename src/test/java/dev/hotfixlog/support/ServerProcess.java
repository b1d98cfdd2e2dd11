package dev.hotfixlog.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hotfix serve} in a separate JVM, on the test classpath: a real second process, as in a multi-instance
 * deployment. Its port is read from the line it prints when it is ready.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("serving on (http://\\S+)");
    private final Process process;
    private final String url;

    public ServerProcess(String dbUrl, Path dataDir) {
        this(dbUrl, dataDir, List.of());
    }

    /** With JVM options of its own ({@code -Dname=value}) before the main class. */
    public ServerProcess(String dbUrl, Path dataDir, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(javaCommand(jvmOptions));
        command.addAll(List.of("serve", "--port", "0", "--db", dbUrl, "--data-dir", dataDir.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("HOTFIX_BOOTSTRAP_TOKEN", TestDb.ADMIN_TOKEN);
        try {
            process = pb.start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            String found = null;
            while (found == null && (line = out.readLine()) != null) {
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    found = m.group(1);
                }
            }
            if (found == null) {
                throw new IllegalStateException(
                        "the server process ended before it was ready (exit " + process.waitFor() + ")");
            }
            url = found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code java [options] -cp <the test classpath> dev.hotfixlog.Main}: a CLI command is appended. */
    public static List<String> javaCommand(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.hotfixlog.Main"));
        return command;
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
