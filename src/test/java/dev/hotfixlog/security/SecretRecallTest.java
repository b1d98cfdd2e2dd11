package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * How much the redactor finds of a corpus it was not written against, and what it takes from text that holds no
 * secret. The corpus is the secrets planted in gitleaks' and detect-secrets' own test fixtures
 * ({@code secrets/public-fixtures.tsv}); the clean text is the four documents Hotfix Log was made from and the
 * example log. Both figures are printed and recorded in docs/PERFORMANCE.md.
 */
class SecretRecallTest {
    /** Found / planted on the public fixtures, as reached on 2026-12-07: a floor, so that recall never drops. */
    private static final double RECALL_FLOOR = 0.90;
    private static final List<String> SEEDS = List.of("000_5be71f5531bad504.txt", "001_d0804075545ff917.txt",
            "002_ca97ab7aee42e6a4.txt", "003_394d6807d33aa6a1.txt", "hotfix-log.md");

    private final SecretRedactor redactor = new SecretRedactor();

    record Planted(String kind, String text, String source) {
    }

    @Test
    void thePublicFixtures_areFoundAboveTheFloor() {
        List<Planted> planted = fixtures();
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        for (Planted p : planted) {
            boolean found = redactor.redact(p.text()).changed();
            int[] counts = byKind.computeIfAbsent(p.kind(), k -> new int[2]);
            counts[0] += found ? 1 : 0;
            counts[1]++;
            if (!found) {
                missed.add(p.kind() + "\t" + p.text().replace("\n", "\\n") + "\t" + p.source());
            }
        }
        long found = planted.size() - missed.size();
        System.out.printf("recall on the public fixtures: %d / %d = %.3f%n", found, planted.size(),
                (double) found / planted.size());
        byKind.forEach((kind, c) -> System.out.printf("  %-20s %3d / %3d%n", kind, c[0], c[1]));
        missed.forEach(m -> System.out.println("  missed: " + m));
        assertThat(planted).hasSizeGreaterThan(250);
        assertThat((double) found / planted.size()).as("recall, found / planted").isGreaterThanOrEqualTo(RECALL_FLOOR);
    }

    @Test
    void theSeedDocuments_haveNoFalsePositive() {
        List<String> falsePositives = new ArrayList<>();
        for (String seed : SEEDS) {
            String text = resource("/secrets/seeds/" + seed);
            SecretRedactor.Result r = redactor.redact(text);
            if (r.changed()) {
                falsePositives.add(seed + ": " + r.findings());
            }
        }
        System.out.println("false positives on the seeds' own text: " + falsePositives.size() + " " + falsePositives);
        assertThat(falsePositives).isEmpty();
    }

    static List<Planted> fixtures() {
        List<Planted> out = new ArrayList<>();
        for (String line : resource("/secrets/public-fixtures.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\t", 3);
            out.add(new Planted(p[0], unescape(p[1]), p[2]));
        }
        return out;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String resource(String name) {
        try (InputStream in = SecretRecallTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
