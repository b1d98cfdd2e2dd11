package dev.hotfixlog.bench;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.lesson.FieldNotes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Benchmark of issue "Lessons from production": the field-notes site for 10,000 published lessons (each with a
 * case, a category of 20 and two tags), built by {@code FieldNotes} from SQLite, side by side with Hugo building
 * the same lessons written as Markdown pages (front matter with title, summary, category and tags; the four
 * dimensions and the case in the body) with a minimal theme that makes the same pages: index, one page per
 * lesson, category pages, an RSS feed and a sitemap. Goal: faster than Hugo. Needs {@code hugo} (Debian
 * package). Run with {@code bench/site.sh [lessons=10000] [rounds=3]}.
 */
public final class SiteBenchmark {
    private static final String[] WORDS = ("pool connection transaction cache lock herd worker queue batch container"
                    + " monitor status index planner expression rollout config canary flag deploy release retry timeout"
                    + " replica lag backlog daemon enricher gateway certificate rotation dashboard alert signal")
            .split(" ");

    private SiteBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("hotfix-site-bench-");
        String url = "jdbc:sqlite:" + dir.resolve("hotfix.db");
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        m.put(Setting.DB_URL, url);
        m.put(Setting.DATA_DIR, dir.toString());
        System.out.printf(
                "# Site benchmark: %,d published lessons; %d rounds (median shown); %d cores; Java %s; %s%n%n",
                n,
                rounds,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                run(List.of("hugo", "version")).strip());
        try (App app = App.local(
                Config.withOverrides(m), Clock.fixed(Instant.parse("2026-10-05T09:00:00Z"), ZoneOffset.UTC))) {
            List<String[]> lessons = generate(url, n);
            Path content = dir.resolve("hugo");
            writeHugoSite(content, lessons);
            FieldNotes notes = app.fieldNotes();
            double[] ours = new double[rounds];
            double[] hugo = new double[rounds];
            int files = 0;
            for (int r = 0; r < rounds; r++) {
                Path out = dir.resolve("ours-" + r);
                long t = System.nanoTime();
                FieldNotes.Report report = notes.build(out, "https://notes.example.com/");
                ours[r] = (System.nanoTime() - t) / 1e6;
                files = report.files();
                Path hout = dir.resolve("hugo-out-" + r);
                t = System.nanoTime();
                run(List.of("hugo", "--quiet", "--source", content.toString(), "--destination", hout.toString()));
                hugo[r] = (System.nanoTime() - t) / 1e6;
                System.err.printf("round %d: ours %.0f ms, hugo %.0f ms%n", r + 1, ours[r], hugo[r]);
            }
            long hugoPages;
            try (Stream<Path> s = Files.walk(dir.resolve("hugo-out-0"))) {
                hugoPages = s.filter(p -> p.toString().endsWith(".html")).count();
            }
            System.out.println("| builder | lessons | HTML pages | build ms (median) | each round ms |");
            System.out.println("|---|---:|---:|---:|---|");
            System.out.printf(
                    "| hotfix site (from SQLite) | %,d | %,d | %.0f | %s |%n",
                    n, files - 3, median(ours), rounds(ours));
            System.out.printf(
                    "| Hugo (from Markdown files) | %,d | %,d | %.0f | %s |%n",
                    n, hugoPages, median(hugo), rounds(hugo));
            System.out.printf("%nhotfix site / Hugo: %.2f×%n", median(ours) / median(hugo));
        }
    }

    /** Hotfixes and published lessons straight into the tables; returns each lesson's fields for Hugo. */
    private static List<String[]> generate(String url, int n) throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        List<String[]> out = new ArrayList<>();
        long t0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement h = c.prepareStatement("INSERT INTO hotfix (id, number, title, severity, status,"
                            + " owner, detected_at, resolved_at, category, version, created_at, updated_at) VALUES (?, ?, ?, ?,"
                            + " 'completed', ?, ?, ?, ?, 1, ?, ?)");
                    PreparedStatement l = c.prepareStatement("INSERT INTO lesson (id, number, title, summary,"
                            + " constraint_text, signal_text, boundary_text, operating_rule, category, bucket, published,"
                            + " version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'state-model', true, 1,"
                            + " ?, ?)");
                    PreparedStatement lc = c.prepareStatement(
                            "INSERT INTO lesson_case (lesson_id, ordinal, hotfix_id)" + " VALUES (?, 0, ?)");
                    PreparedStatement lt = c.prepareStatement(
                            "INSERT INTO lesson_tag (lesson_id, ordinal, tag)" + " VALUES (?, ?, ?)")) {
                for (int i = 1; i <= n; i++) {
                    String hid = String.format("HOTFIX-%03d", i);
                    String lid = String.format("LESSON-%03d", i);
                    long at = t0 + i * 3_600_000L;
                    String category = "Failure mode " + rnd.nextInt(20);
                    String title = sentence(rnd, 8) + " " + i;
                    h.setString(1, hid);
                    h.setLong(2, i);
                    h.setString(3, "Hotfix " + sentence(rnd, 5));
                    h.setString(4, new String[] {"critical", "high", "medium"}[rnd.nextInt(3)]);
                    h.setString(5, "Person " + rnd.nextInt(200) + " Surname");
                    h.setLong(6, at);
                    h.setLong(7, at + 1_800_000L);
                    h.setString(8, category);
                    h.setLong(9, at);
                    h.setLong(10, at);
                    h.addBatch();
                    String[] f = {
                        lid,
                        title,
                        sentence(rnd, 40) + ".",
                        sentence(rnd, 25) + ", with `" + WORDS[rnd.nextInt(WORDS.length)] + "` in it.",
                        "The " + sentence(rnd, 6) + " rate fell to " + rnd.nextInt(100) + "%.",
                        sentence(rnd, 12) + ".",
                        "Always " + sentence(rnd, 8) + ".",
                        category,
                        WORDS[rnd.nextInt(WORDS.length)],
                        WORDS[rnd.nextInt(WORDS.length)],
                        hid
                    };
                    out.add(f);
                    l.setString(1, lid);
                    l.setLong(2, i);
                    for (int k = 1; k <= 7; k++) {
                        l.setString(k + 2, f[k]);
                    }
                    l.setLong(10, at);
                    l.setLong(11, at);
                    l.addBatch();
                    lc.setString(1, lid);
                    lc.setString(2, hid);
                    lc.addBatch();
                    for (int k = 0; k < 2; k++) {
                        lt.setString(1, lid);
                        lt.setInt(2, k);
                        lt.setString(3, f[8 + k] + (k == 1 && f[8].equals(f[9]) ? "-2" : ""));
                        lt.addBatch();
                    }
                }
                h.executeBatch();
                l.executeBatch();
                lc.executeBatch();
                lt.executeBatch();
            }
            c.commit();
        }
        return out;
    }

    private static String sentence(SplittableRandom rnd, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = WORDS[rnd.nextInt(WORDS.length)];
            sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
        }
        return sb.toString();
    }

    /** The same lessons as a Hugo site: content pages with front matter, and a theme-less minimal layout. */
    private static void writeHugoSite(Path root, List<String[]> lessons) throws IOException {
        Files.createDirectories(root.resolve("content/lessons"));
        Files.createDirectories(root.resolve("layouts/_default"));
        Files.writeString(
                root.resolve("hugo.toml"),
                "baseURL = 'https://notes.example.com/'\nlanguageCode = 'en'\n"
                        + "title = 'Lessons from production'\ndisableKinds = ['robotsTXT', '404']\n[taxonomies]\n"
                        + "category = 'categories'\ntag = 'tags'\n");
        Files.writeString(
                root.resolve("layouts/_default/baseof.html"),
                "<!DOCTYPE html><html lang=\"en\"><head>"
                        + "<meta charset=\"utf-8\"><title>{{ .Title }}</title><link rel=\"stylesheet\" href=\"/style.css\">"
                        + "</head><body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n");
        Files.writeString(
                root.resolve("layouts/index.html"),
                "{{ define \"main\" }}<h1>Lessons from production."
                        + "</h1>{{ range .Site.RegularPages }}<article><h2><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>"
                        + "</h2><p>{{ .Params.summary }}</p></article>{{ end }}{{ end }}\n");
        Files.writeString(
                root.resolve("layouts/_default/list.html"),
                "{{ define \"main\" }}<h1>{{ .Title }}</h1>"
                        + "{{ range .Pages }}<article><h2><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></h2>"
                        + "<p>{{ .Params.summary }}</p></article>{{ end }}{{ end }}\n");
        Files.writeString(
                root.resolve("layouts/_default/single.html"),
                "{{ define \"main\" }}<h1>{{ .Title }}</h1>"
                        + "<p>{{ .Params.summary }}</p>{{ .Content }}<p>{{ range .Params.categories }}<a href=\"/categories/"
                        + "{{ . | urlize }}/\">{{ . }}</a>{{ end }}</p>{{ end }}\n");
        for (String[] f : lessons) {
            String page = "---\ntitle: " + yaml(f[1]) + "\nsummary: " + yaml(f[2]) + "\ndate: 2026-10-05\n"
                    + "categories: [" + yaml(f[7]) + "]\ntags: [" + yaml(f[8]) + ", " + yaml(f[9]) + "]\n---\n\n"
                    + "## Operating rule\n\n" + f[6] + "\n\n## Constraint\n\n" + f[3] + "\n\n## Signal\n\n" + f[4]
                    + "\n\n## Boundary\n\n" + f[5] + "\n\n## The case behind it\n\n- **" + f[10] + "**\n";
            Files.writeString(
                    root.resolve("content/lessons/" + f[0].toLowerCase() + ".md"), page, StandardCharsets.UTF_8);
        }
    }

    private static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
        }
        return out;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String rounds(double[] xs) {
        return String.join(
                ", ", Arrays.stream(xs).mapToObj(x -> String.format("%.0f", x)).toList());
    }
}
