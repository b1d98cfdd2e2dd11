package dev.hotfixlog.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load from a second process: {@code wrk} (Debian package), so the load generator's CPU is not the JVM's
 * and its cost per request is far below a Java client's.
 */
final class Wrk {
    record Result(double perSecond, double p50Millis, double p99Millis, long requests, long bad) {}

    private Wrk() {}

    static Result run(String url, String token, int connections, int seconds, String method, String body)
            throws Exception {
        String lua = "wrk.method = \"" + method + "\"\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n"
                + (body == null ? "" : "wrk.body = [==[" + body + "]==]\n");
        return script(url, lua, connections, seconds);
    }

    /** wrk with a Lua script of the caller's (which may stop its threads early: {@code wrk.thread:stop()}). */
    static Result script(String url, String lua, int connections, int seconds) throws Exception {
        Path script = Files.createTempFile("wrk-", ".lua");
        Files.writeString(script, lua);
        Process p = new ProcessBuilder(
                        "wrk",
                        "-t2",
                        "-c" + connections,
                        "-d" + seconds + "s",
                        "--latency",
                        "-s",
                        script.toString(),
                        url)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (System.getenv("HOTFIX_BENCH_SHOW_WRK") != null) {
            System.err.println(out);
        }
        if (out.contains(".lua:")) { // wrk runs its default GET / when the script fails: not what was asked
            p.destroy();
            throw new IOException("wrk's script failed: " + out);
        }
        if (p.waitFor() != 0) {
            throw new IOException("wrk failed: " + out);
        }
        // A socket error (a reset, a timeout) is a failed request as much as a 5xx.
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        long socketErrors = 0;
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(socket.group(g));
            }
        }
        return new Result(
                number(out, "Requests/sec:\\s+([\\d.]+)"),
                millis(out, "50%"),
                millis(out, "99%"),
                (long) number(out, "(\\d+) requests in"),
                (long) optional(out, "Non-2xx or 3xx responses: (\\d+)") + socketErrors);
    }

    private static double millis(String out, String pct) {
        Matcher m = Pattern.compile(pct + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + pct + " latency in wrk output:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("'" + regex + "' not in wrk output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double optional(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
