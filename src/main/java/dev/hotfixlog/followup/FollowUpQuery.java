package dev.hotfixlog.followup;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which follow-ups: only overdue ones, one owner's (see {@link #ownedBy}), done ones too.
 * Open follow-ups nobody has scheduled yet (no due time, owner or description, as on a hotfix still in progress)
 * are left out: they are not work anyone has been given.
 */
public record FollowUpQuery(boolean overdueOnly, String owner, boolean includeDone, int limit) {
    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;

    public FollowUpQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        owner = owner == null || owner.isBlank() ? null : owner.strip();
    }

    public static FollowUpQuery open() {
        return new FollowUpQuery(false, null, false, DEFAULT_LIMIT);
    }

    /**
     * True when {@code owner} is the person this query names, the way people type handles: case, accents and a
     * leading {@code @} ignored, the query equal to the whole name, to one of its words ("priya", "raman"), to
     * the name run together or joined by . _ - ("priya.raman", "priyaraman"), to an initial and a word ("praman",
     * "priyar"), or to the local part of an e-mail address written in it ("Priya Raman &lt;pr@example.com&gt;").
     * A query for everybody ({@code *}) is handled before this.
     */
    boolean ownedBy(String ownerName) {
        return owner == null || ownerName != null && handles(ownerName).contains(normal(owner));
    }

    private static final Pattern EMAIL = Pattern.compile("<?([^\\s<>@]+)@[^\\s<>]+>?");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[\\s.,_()-]+");

    private static Set<String> handles(String ownerName) {
        Set<String> out = new HashSet<>();
        String name = ownerName;
        Matcher m = EMAIL.matcher(ownerName);
        while (m.find()) {
            out.add(normal(m.group(1)));
            name = name.replace(m.group(), " ");
        }
        String whole = normal(name);
        if (whole.isEmpty()) {
            return out;
        }
        out.add(whole);
        String[] words = WORD_SEPARATOR.split(whole);
        List<String> parts = Arrays.stream(words).filter(w -> !w.isEmpty()).toList();
        out.addAll(parts);
        if (parts.size() > 1) {
            String first = parts.get(0);
            String last = parts.get(parts.size() - 1);
            for (String join : List.of("", ".", "_", "-")) {
                out.add(String.join(join, parts));
                out.add(first + join + last);
            }
            out.add(first.charAt(0) + last);
            out.add(first + last.charAt(0));
        }
        return out;
    }

    private static String normal(String s) {
        String t = s.strip();
        t = t.startsWith("@") ? t.substring(1) : t;
        t = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll("");
        return t.toLowerCase(Locale.ROOT).strip();
    }
}
