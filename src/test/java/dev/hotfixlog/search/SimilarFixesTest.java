package dev.hotfixlog.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How good "similar past fixes" is, on a labelled fixture (src/test/resources/similarity/labelled.tsv): 30
 * hotfixes, six kinds of incident told in different words, declared one kind after the other. For every hotfix
 * that has at least three earlier ones of its kind (the 4th and 5th of each), precision at 3 is the share of
 * the three most similar earlier hotfixes that are of its kind. The mean is printed and must stay at or above
 * the floor below.
 */
class SimilarFixesTest {
    static final double FLOOR = 0.80;

    record Labelled(String cluster, String title, String problem, String category, String systems) {}

    static List<Labelled> fixture() throws Exception {
        List<Labelled> out = new ArrayList<>();
        try (InputStream in = SimilarFixesTest.class.getResourceAsStream("/similarity/labelled.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Labelled(f[0], f[1], f[2], f[3], f[4]));
            }
        }
        return out;
    }

    @BothDatabases
    void precisionAt3_onTheLabelledFixture(TestDb db) throws Exception {
        List<Labelled> all = fixture();
        Map<Integer, Labelled> byNumber = new TreeMap<>();
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-05T09:00:00Z"))) {
            Http api = s.http();
            // Round robin over the kinds: A1 B1 … F1 A2 B2 …, so each kind's 4th and 5th have earlier kin.
            for (int member = 0; member < 5; member++) {
                for (String cluster : List.of("A", "B", "C", "D", "E", "F")) {
                    Labelled l = all.stream()
                            .filter(x -> x.cluster().equals(cluster))
                            .skip(member)
                            .findFirst()
                            .orElseThrow();
                    StringBuilder systems = new StringBuilder();
                    for (String sys : l.systems().split(",")) {
                        systems.append(systems.isEmpty() ? "" : ",")
                                .append('"')
                                .append(sys)
                                .append('"');
                    }
                    JsonNode made = api.post(
                                    "/api/v1/hotfixes",
                                    "{\"title\":\"" + l.title() + "\",\"severity\":\"high\","
                                            + "\"problem\":\"" + l.problem() + "\",\"category\":\"" + l.category()
                                            + "\","
                                            + "\"systemsAffected\":[" + systems + "]}")
                            .json();
                    byNumber.put(
                            made.path("id").asText().isEmpty()
                                    ? -1
                                    : Integer.parseInt(made.path("id").asText().substring(7)),
                            l);
                }
            }
            double sum = 0;
            int queries = 0;
            StringBuilder misses = new StringBuilder();
            for (Map.Entry<Integer, Labelled> e : byNumber.entrySet()) {
                if (e.getKey() <= 18) {
                    continue; // the 4th round starts at HOTFIX-019
                }
                JsonNode hits = api.get(
                                "/api/v1/hotfixes/HOTFIX-" + String.format("%03d", e.getKey()) + "/similar?limit=3")
                        .json()
                        .path("items");
                assertThat(hits.size()).isEqualTo(3);
                int relevant = 0;
                for (JsonNode h : hits) {
                    int n = Integer.parseInt(h.path("id").asText().substring(7));
                    assertThat(n).as("only earlier hotfixes").isLessThan(e.getKey());
                    if (byNumber.get(n).cluster().equals(e.getValue().cluster())) {
                        relevant++;
                    } else {
                        misses.append(e.getValue().title())
                                .append(" ~ ")
                                .append(byNumber.get(n).title())
                                .append('\n');
                    }
                }
                sum += relevant / 3.0;
                queries++;
            }
            double precision = sum / queries;
            System.out.printf(
                    "similar past fixes, %s: precision@3 = %.3f over %d queries; misses:%n%s",
                    db, precision, queries, misses);
            assertThat(queries).isEqualTo(12);
            assertThat(precision).as("precision@3; misses:\n" + misses).isGreaterThanOrEqualTo(FLOOR);
        }
    }
}
