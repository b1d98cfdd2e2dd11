package dev.hotfixlog.bench;

import dev.hotfixlog.Setting;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The worst inputs found for the text fields (each of the secret detectors' shapes, repeated) and for the
 * Markdown importer, at 0.5, 1 and 2 MB: how long the server takes to answer, in µs per KB, so that linear work
 * shows as a flat column and anything worse as a growing one. Goal (issue "Bounded work under hostile input"):
 * linear, and under 1 s at 2 MB. The request limit is raised to 4 MB for the run, so that 2 MB are read.
 * Run with {@code bench/pathological.sh [rounds=3]}.
 */
public final class PathologicalInputBenchmark {
    private static final int[] SIZES_KB = {512, 1024, 2048};

    private PathologicalInputBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Map<String, IntFunction<String>> text = new LinkedHashMap<>();
        text.put("'a.' then '://' (URL password, was quadratic)", n -> "a.".repeat(n / 2) + "://");
        text.put("BEGIN lines, no END (private key)", n -> "-----BEGIN RSA PRIVATE KEY----- x\n".repeat(n / 35));
        text.put("one base64 run (bare key material)", n -> "Ab1+".repeat(n / 4));
        text.put("base64 runs of 59 (just short)", n -> ("Ab1" + "x".repeat(56) + " ").repeat(n / 60));
        text.put("'password=' repeated", n -> "password=".repeat(n / 9));
        text.put("'Bearer ' repeated", n -> "Bearer ".repeat(n / 7));
        text.put("'AKIA' repeated", n -> "AKIA".repeat(n / 4));
        text.put("'eyJ.' repeated (JWT)", n -> "eyJaaaaaaaaa.".repeat(n / 13));
        text.put("NUL-free control soup", n -> "\t\u000b\u2028".repeat(n / 3));
        Map<String, IntFunction<String>> page = new LinkedHashMap<>();
        page.put("one thematic break line (was a stack overflow)", n -> "## Active Hotfixes\n\n" + "-".repeat(n));
        page.put("entry headings only", n -> "## Active Hotfixes\n\n" + "### 🚨 [HOTFIX-XXX] x\n".repeat(n / 24));
        page.put(
                "label line of 'a.' then '://'",
                n -> "## Active Hotfixes\n\n### 🚨 [HOTFIX-1] x\n**Severity:** " + "🔴 Critical\n**Problem:** "
                        + "a.".repeat(n / 2) + "://\n");
        page.put(
                "unclosed fence after a label",
                n -> "## Active Hotfixes\n\n### 🚨 [HOTFIX-1] x\n**Problem:**\n```\n" + "line\n".repeat(n / 5));
        page.put(
                "list items under a label",
                n -> "## Active Hotfixes\n\n### 🚨 [HOTFIX-1] x\n**Problem:** x\n" + "- item\n".repeat(n / 7));
        page.put("nested list markers", n -> "## Active Hotfixes\n\n" + "- ".repeat(n / 2));

        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(
                        db.config(Map.of(Setting.MAX_REQUEST_BYTES, String.valueOf(4 * 1024 * 1024))),
                        MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http api = s.http();
            System.out.printf(
                    "# Pathological input: %d rounds (best of), %d cores, Java %s; SQLite%n%n",
                    rounds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.println(
                    "| input | where | status | 512 KB ms | 1 MB ms | 2 MB ms | µs/KB at 512 KB | µs/KB at 1 MB "
                            + "| µs/KB at 2 MB |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            for (Map.Entry<String, IntFunction<String>> e : text.entrySet()) {
                for (String field : List.of("problem", "title")) {
                    row(
                            e.getKey(),
                            field,
                            rounds,
                            n -> api.post(
                                    "/api/v1/hotfixes",
                                    "{\"title\":\"x\",\"severity\":"
                                            + "\"high\","
                                            + Json.write(Json.mapper().valueToTree(field)) + ":"
                                            + Json.write(Json.mapper()
                                                    .valueToTree(e.getValue().apply(n))) + "}"));
                }
            }
            for (Map.Entry<String, IntFunction<String>> e : page.entrySet()) {
                row(
                        e.getKey(),
                        "import (dry run)",
                        rounds,
                        n -> api.post(
                                "/api/v1/import?dryRun=true", e.getValue().apply(n), "Content-Type", "text/markdown"));
            }
        }
    }

    private static void row(String name, String where, int rounds, IntFunction<Http.Response> send) {
        double[] ms = new double[SIZES_KB.length];
        int status = 0;
        for (int k = 0; k < SIZES_KB.length; k++) {
            int chars = SIZES_KB[k] * 1024;
            double best = Double.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                status = send.apply(chars).status();
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
            }
            ms[k] = best;
        }
        System.out.printf(
                "| %s | %s | %d | %.0f | %.0f | %.0f | %.1f | %.1f | %.1f |%n",
                name,
                where,
                status,
                ms[0],
                ms[1],
                ms[2],
                1000 * ms[0] / SIZES_KB[0],
                1000 * ms[1] / SIZES_KB[1],
                1000 * ms[2] / SIZES_KB[2]);
    }
}
