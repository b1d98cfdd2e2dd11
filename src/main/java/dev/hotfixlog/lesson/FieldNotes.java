package dev.hotfixlog.lesson;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.text.SafeMarkdown;
import dev.hotfixlog.web.Pages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The field-notes site (seed 003): published lessons as static HTML that needs no JavaScript. An index with each
 * lesson's title and summary, a page per lesson with its cases, a page per failure-mode category, an Atom feed
 * and a sitemap.
 *
 * <p><b>Blameless by construction.</b> The pages are made from {@link SiteLesson} and {@link SiteCase} only,
 * which have no field for a person, and every text in them has been through {@link Blameless} built from every
 * person the log knows. Nothing else reaches a template. A property test builds sites from records full of
 * names and finds none of them in any file.
 */
public final class FieldNotes {
    static final String MARKER = ".field-notes";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
    private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s\"<>]+");
    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private final Database db;
    private final Pages pages;
    private final FieldNotesRepository repo = new FieldNotesRepository();

    public FieldNotes(Database db, Pages pages) {
        this(db, pages, LessonImages.NONE);
    }

    /** With each lesson's images, written to {@code img/} under their hash, their alt text scrubbed of people. */
    public FieldNotes(Database db, Pages pages, LessonImages images) {
        this.db = Objects.requireNonNull(db, "db");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.images = Objects.requireNonNull(images, "images");
    }

    private final LessonImages images;

    /** A lesson as the site shows it: no person in it, its texts scrubbed, its dimensions rendered Markdown. */
    public record SiteLesson(
            String id,
            String path,
            String title,
            String summary,
            String constraintHtml,
            String signalHtml,
            String boundaryHtml,
            String ruleHtml,
            String category,
            String categoryPath,
            String bucket,
            List<String> tags,
            List<SiteCase> cases,
            Instant updated,
            List<SiteImage> images) {}

    /** An image on a lesson's page: {@code img/<sha256>.<ext>}, and an alt text with no person in it. */
    public record SiteImage(String path, String alt) {}

    /** A hotfix behind a lesson, as the site shows it: what happened and how long it took, never who. */
    public record SiteCase(
            String id, String title, String severity, String category, String month, String timeToResolve) {}

    /** What a build wrote. */
    public record Report(Path out, int lessons, int categories, int files) {}

    /**
     * Writes the site into {@code out}: an empty or missing directory, or one an earlier build made (its pages
     * are replaced). {@code baseUrl} is where it will be served, for the feed and the sitemap.
     */
    public Report build(Path out, String baseUrl) {
        String base = baseUrl(baseUrl);
        prepare(out);
        FieldNotesRepository.Content content = db.read(repo::content);
        Blameless blameless = Blameless.of(content.people());
        List<SiteLesson> lessons = new ArrayList<>();
        Map<String, byte[]> imageFiles = new LinkedHashMap<>();
        for (Lesson l : content.lessons()) {
            List<SiteImage> shown = new ArrayList<>();
            for (LessonImages.Image i : images.of(l.id().toString())) {
                String path = "img/" + i.sha256() + "." + i.extension();
                imageFiles.putIfAbsent(path, i.bytes());
                String alt = i.note() == null ? null : blameless.scrub(i.note());
                shown.add(new SiteImage(path, alt == null || alt.isBlank() ? "Evidence for this lesson" : alt));
            }
            lessons.add(siteLesson(l, content.cases(), blameless, shown));
        }
        Map<String, List<SiteLesson>> byCategory = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> categoryPaths = new LinkedHashMap<>();
        for (SiteLesson l : lessons) {
            if (l.category() != null) {
                byCategory.computeIfAbsent(l.category(), k -> new ArrayList<>()).add(l);
                categoryPaths.putIfAbsent(l.category(), l.categoryPath());
            }
        }
        int files = 0;
        write(
                out.resolve("index.html"),
                pages.html("site/index.jte", Map.of("lessons", lessons, "categories", categoryPaths, "root", "")));
        files++;
        for (SiteLesson l : lessons) {
            write(out.resolve(l.path()), pages.html("site/lesson.jte", Map.of("lesson", l, "root", "../")));
            files++;
        }
        for (Map.Entry<String, List<SiteLesson>> c : byCategory.entrySet()) {
            write(
                    out.resolve(categoryPaths.get(c.getKey())),
                    pages.html(
                            "site/category.jte",
                            Map.of("category", c.getKey(), "lessons", c.getValue(), "root", "../")));
            files++;
        }
        for (Map.Entry<String, byte[]> img : imageFiles.entrySet()) {
            try {
                Files.createDirectories(out.resolve(img.getKey()).getParent());
                Files.write(out.resolve(img.getKey()), img.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files++;
        }
        write(out.resolve("feed.xml"), SiteXml.feed(base, lessons));
        write(out.resolve("sitemap.xml"), SiteXml.sitemap(base, lessons, categoryPaths.values()));
        write(out.resolve("style.css"), resource("/site/style.css"));
        write(out.resolve(MARKER), "Made by `hotfix site`; the next build replaces this directory's pages.\n");
        return new Report(out, lessons.size(), byCategory.size(), files + 3);
    }

    private SiteLesson siteLesson(
            Lesson l, Map<String, FieldNotesRepository.CaseRow> cases, Blameless b, List<SiteImage> shown) {
        String title = b.scrub(l.title());
        String category = b.scrub(l.category());
        List<SiteCase> siteCases = new ArrayList<>();
        for (var id : l.cases()) {
            FieldNotesRepository.CaseRow c = cases.get(id.toString());
            if (c != null) {
                siteCases.add(new SiteCase(
                        id.toString(),
                        b.scrub(c.title()),
                        c.severity() == null ? "severity not stated" : c.severity(),
                        b.scrub(c.category()),
                        c.detectedAt() == null ? null : MONTH.format(c.detectedAt()),
                        duration(c)));
            }
        }
        return new SiteLesson(
                l.id().toString(),
                "lessons/" + slug(l.id().number(), title) + ".html",
                title,
                b.scrub(l.summary()),
                SafeMarkdown.html(b.scrub(l.constraint())),
                SafeMarkdown.html(b.scrub(l.signal())),
                SafeMarkdown.html(b.scrub(l.boundary())),
                SafeMarkdown.html(b.scrub(l.operatingRule())),
                category,
                category == null ? null : "categories/" + slug(0, category) + ".html",
                l.bucket() == null ? null : l.bucket().label(),
                l.tags().stream().map(b::scrub).toList(),
                siteCases,
                l.updatedAt(),
                shown);
    }

    private static String duration(FieldNotesRepository.CaseRow c) {
        if (c.detectedAt() == null || c.resolvedAt() == null) {
            return null;
        }
        long minutes = Duration.between(c.detectedAt(), c.resolvedAt()).toMinutes();
        return minutes < 120 ? minutes + " min" : minutes < 2880 ? (minutes / 60) + " h" : (minutes / 1440) + " days";
    }

    /** {@code 042-commit-before-async-i-o}: readable, ASCII, stable while the title stays. */
    static String slug(long number, String text) {
        String ascii =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        ascii = EDGE_DASHES
                .matcher(
                        NOT_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-"))
                .replaceAll("");
        if (ascii.length() > 60) {
            String cut = ascii.substring(0, 61);
            ascii = cut.lastIndexOf('-') > 20 ? cut.substring(0, cut.lastIndexOf('-')) : ascii.substring(0, 60);
        }
        String prefix = number > 0 ? String.format("%03d", number) : "";
        if (ascii.isEmpty()) {
            return prefix.isEmpty() ? "x" + Integer.toHexString(text.hashCode()) : prefix;
        }
        return prefix.isEmpty() ? ascii : prefix + "-" + ascii;
    }

    private static String baseUrl(String given) {
        String b = given == null || given.isBlank() ? "http://localhost/" : given.strip();
        if (!HTTP_URL.matcher(b).matches()) {
            throw ValidationException.of(
                    "baseUrl",
                    "'" + given + "' is not an http(s) URL; the feed and the sitemap "
                            + "need the address the site will be served at, e.g. https://notes.example.com/");
        }
        return b.endsWith("/") ? b : b + "/";
    }

    private static void prepare(Path out) {
        try {
            if (Files.isDirectory(out)) {
                try (var entries = Files.list(out)) {
                    boolean empty = entries.findAny().isEmpty();
                    if (!empty && !Files.exists(out.resolve(MARKER))) {
                        throw ValidationException.of(
                                "out",
                                out + " is not empty and no earlier `hotfix site` made "
                                        + "it; choose an empty or new directory");
                    }
                }
                for (String dir : List.of("lessons", "categories", "img")) {
                    deleteTree(out.resolve(dir));
                }
            }
            Files.createDirectories(out.resolve("lessons"));
            Files.createDirectories(out.resolve("categories"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + out, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String resource(String name) {
        try (var in = FieldNotes.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
