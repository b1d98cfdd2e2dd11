package dev.hotfixlog.hotfix.web;

import com.google.re2j.Pattern;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.web.Requests;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the board shows, as its URL says ({@code /?mine=true&severity=critical&system=payments}): only the
 * signed-in person's hotfixes, one severity, one system. A severity or system the board does not know shows
 * everything rather than an error: the filters are a GET form a person may have bookmarked. The rows are ordered
 * worst first, then oldest first, so a critical hotfix never sits below a medium one.
 */
public record BoardFilter(boolean mine, Severity severity, String system) {
    private static final Pattern WORDS = Pattern.compile("[\\s,;/()<>|]+");

    /** Worst severity first, then the longest running (detected earliest; a record without a time last). */
    static final Comparator<Hotfix> ORDER = Comparator.comparing(Hotfix::severity)
            .thenComparing(BoardFilter::since, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(h -> h.id().toString());

    public BoardFilter {
        system = system == null || system.isBlank() ? null : system.strip();
    }

    static BoardFilter from(Context ctx) {
        String sev = Objects.requireNonNullElse(ctx.queryParam("severity"), "").strip();
        Severity severity = Severity.stated().stream()
                .filter(s -> s.json().equalsIgnoreCase(sev))
                .findFirst()
                .orElse(null);
        return new BoardFilter(Requests.boolQuery(ctx, "mine"), severity, ctx.queryParam("system"));
    }

    /** When the hotfix began, for its age: detected, else declared. */
    public static Instant since(Hotfix h) {
        return h.timeline().detectedAt() != null ? h.timeline().detectedAt() : h.createdAt();
    }

    public boolean any() {
        return mine || severity != null || system != null;
    }

    public String severityJson() {
        return severity == null ? "" : severity.json();
    }

    List<Hotfix> apply(List<Hotfix> hotfixes, String user) {
        return hotfixes.stream()
                .filter(h -> !mine || ownedBy(h.owner(), user))
                .filter(h -> severity == null || h.severity() == severity)
                .filter(h -> system == null
                        || h.systemsAffected().stream().anyMatch(s -> s.strip().equalsIgnoreCase(system)))
                .sorted(ORDER)
                .toList();
    }

    /** Every system named by these hotfixes, once each, in alphabetical order: the choices of the filter. */
    static List<String> systems(List<Hotfix> hotfixes) {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        hotfixes.forEach(h -> h.systemsAffected().stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .forEach(all::add));
        return List.copyOf(all);
    }

    /**
     * True when the owner field names this user the way people write owners: {@code ana}, {@code @ana},
     * {@code Ana}, {@code ana, ben}, or an e-mail address whose local part is the user's name.
     */
    static boolean ownedBy(String owner, String user) {
        if (owner == null || user == null || user.isBlank()) {
            return false;
        }
        String me = handle(user);
        for (String word : WORDS.split(owner)) {
            String w = handle(word);
            int at = w.indexOf('@');
            if (w.equals(me) || (at > 0 && w.substring(0, at).equals(me))) {
                return true;
            }
        }
        return false;
    }

    private static String handle(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("@") ? t.substring(1) : t;
    }
}
