package dev.hotfixlog.lesson;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes people out of text bound for the field-notes site: every name the log knows as a person (hotfix and
 * follow-up owners, whoever ticked a step, whoever changed a record, accounts and token names), whole and word
 * by word, any e-mail address and any {@code @handle}. Case does not matter, since prose does not keep it.
 *
 * <p>It cannot know a name the log never recorded as a person's; the site's builder passes every text through
 * this anyway, and the lesson form says that the site names no one. A colleague whose name is also a word
 * ("Will") costs the site that word: blameless comes first.
 */
public final class Blameless {
    static final String PERSON = "someone";
    static final String EMAIL = "[e-mail removed]";
    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}.])@[\\p{L}\\p{N}._-]+",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** Words that name a group, not a person: "SRE team" as an owner must not take "team" out of every page. */
    private static final Set<String> NOT_NAMES = Set.of("team", "the", "and", "on", "call", "on-call", "oncall",
            "ops", "sre", "platform", "backend", "frontend", "infra", "infrastructure", "dev", "devops", "support",
            "eng", "engineering", "squad", "rotation", "primary", "secondary", "lead", "manager", "admin", "bot",
            "system", "cli", "api", "token", "unknown", "of", "for", "with", "group", "staff", "tbd", "none", "n/a",
            "via", "import", "imported", "web");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’._-][\\p{L}\\p{N}]+)*",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PARTS = Pattern.compile("['’._-]+");
    private static final Pattern REPEATED = Pattern.compile(PERSON + "(?:[\\s,]+" + PERSON + ")+");
    /** Lower-case name words; a text word that is one, or holds one ("Priya's", "priya.raman"), goes. */
    private final Set<String> names;

    private Blameless(Set<String> names) {
        this.names = names;
    }

    /** From the people the log knows (any text that held a person: "Priya Raman", "priya@x.io", "token:ci"). */
    public static Blameless of(Collection<String> people) {
        Set<String> words = new java.util.HashSet<>();
        for (String p : people) {
            if (p == null || p.isBlank()) {
                continue;
            }
            String whole = p.strip();
            Matcher mail = EMAIL_ADDRESS.matcher(whole);
            StringBuilder rest = new StringBuilder(whole);
            while (mail.find()) {
                rest.append(' ').append(mail.group(), 0, mail.group().indexOf('@')); // the local part names them
            }
            Matcher w = WORD.matcher(EMAIL_ADDRESS.matcher(rest).replaceAll(" ").replaceAll("^[a-z]+:", ""));
            while (w.find()) {
                add(words, w.group());
                for (String part : PARTS.split(w.group())) {
                    add(words, part);
                }
            }
        }
        return new Blameless(words);
    }

    private static void add(Set<String> words, String word) {
        String key = word.toLowerCase(Locale.ROOT);
        if (word.length() >= 2 && !NOT_NAMES.contains(key) && word.chars().anyMatch(Character::isLetter)) {
            words.add(key);
        }
    }

    /** The text with every known person, e-mail address and handle replaced; null stays null. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = EMAIL_ADDRESS.matcher(text).replaceAll(Matcher.quoteReplacement(EMAIL));
        out = HANDLE.matcher(out).replaceAll(PERSON);
        if (names.isEmpty()) {
            return out;
        }
        Matcher m = WORD.matcher(out);
        StringBuilder sb = new StringBuilder(out.length());
        int last = 0;
        boolean changed = false;
        while (m.find()) {
            if (isName(m.group())) {
                sb.append(out, last, m.start()).append(PERSON);
                last = m.end();
                changed = true;
            }
        }
        if (!changed) {
            return out;
        }
        sb.append(out, last, out.length());
        return REPEATED.matcher(sb).replaceAll(PERSON); // "Priya Raman" reads "someone", not "someone someone"
    }

    private boolean isName(String word) {
        if (names.contains(word.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String part : PARTS.split(word)) {
            if (names.contains(part.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
