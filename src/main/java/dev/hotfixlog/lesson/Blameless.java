package dev.hotfixlog.lesson;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Takes people out of text bound for the field-notes site: every person the log knows (hotfix and follow-up
 * owners, whoever ticked a step, whoever changed a record, accounts and token names) where the text uses them as
 * names, any e-mail address and any {@code @handle}.
 *
 * <p>Precisely, not word by word: a colleague called Grant Page must not turn "always page the on-call" into
 * "always someone the on-call", nor a CLI actor called root "root cause" into "someone cause". So:
 * <ul>
 *   <li>a whole name ("Grant Page", in any case) always goes, and so does a handle-shaped one ("grant.page");</li>
 *   <li>a part of a name that is not an English word ("Priya", "Raman", "Zoë") goes wherever it stands;</li>
 *   <li>a part that is also a word ({@link Words}: "Grant", "Page", "root", "Will") goes only where it is used as
 *       a name: capitalised within a sentence ("asked Grant to review"), with a possessive ("Grant's fix"), or
 *       starting a sentence followed by what a person did ("Grant restarted the pods"). Lower case, in a Title
 *       Case line, or starting an instruction ("Page the on-call") it is the word.</li>
 * </ul>
 * It cannot know a name the log never recorded as a person's; the lesson form says the site names no one.
 * {@code BlamelessLabelledTest} measures it on a labelled set.
 */
public final class Blameless {
    static final String PERSON = "someone";
    static final String EMAIL = "[e-mail removed]";
    private static final Pattern EMAIL_ADDRESS =
            Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    /** An @handle: group 1 is what comes before it, neither a letter, a digit nor a dot (RE2 has no lookbehind). */
    private static final Pattern HANDLE = Pattern.compile("(^|[^\\p{L}\\p{N}.])@[\\p{L}\\p{N}._-]+");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’._-][\\p{L}\\p{N}]+)*");
    private static final Pattern PARTS = Pattern.compile("['’._-]+");
    private static final Pattern REPEATED = Pattern.compile(PERSON + "(?:[\\s,]+" + PERSON + ")+");
    private static final Pattern POSSESSIVE = Pattern.compile("(?i).+['’]s?$");
    private static final Pattern SCHEME = Pattern.compile("^[a-z]+:");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?:;\\n]");

    /** Lower-case single name words. */
    private final Set<String> parts;
    /** Whole names of two or more words, each as its lower-case words. */
    private final List<List<String>> wholeNames;
    /**
     * One-word people that are words ("root", "deploy", "jenkins"): accounts more than persons. Starting a
     * sentence, such a word is a name only when a deed follows, not a modal or "is" ("Root must not own it").
     */
    private final Set<String> accounts;

    private final Words words;

    private Blameless(Set<String> parts, List<List<String>> wholeNames, Set<String> accounts, Words words) {
        this.parts = parts;
        this.wholeNames = wholeNames;
        this.accounts = accounts;
        this.words = words;
    }

    /** From the people the log knows (any text that held a person: "Priya Raman", "priya@x.io", "token:ci"). */
    public static Blameless of(Collection<String> people) {
        return of(people, Words.english());
    }

    static Blameless of(Collection<String> people, Words words) {
        Set<String> parts = new HashSet<>();
        Set<List<String>> whole = new HashSet<>();
        Set<String> accounts = new HashSet<>();
        for (String p : people) {
            if (p == null || p.isBlank()) {
                continue;
            }
            String text = p.strip();
            Matcher mail = EMAIL_ADDRESS.matcher(text);
            StringBuilder rest = new StringBuilder(text);
            while (mail.find()) {
                rest.append(' ').append(mail.group(), 0, mail.group().indexOf('@')); // the local part names them
            }
            List<String> name = new ArrayList<>();
            Matcher w = WORD.matcher(
                    SCHEME.matcher(EMAIL_ADDRESS.matcher(rest).replaceAll(" ")).replaceFirst(""));
            while (w.find()) {
                String word = w.group().toLowerCase(Locale.ROOT);
                add(parts, word);
                for (String part : PARTS.split(word)) {
                    add(parts, part);
                }
                if (isNameWord(word)) {
                    name.add(word);
                }
            }
            if (name.size() >= 2) {
                whole.add(List.copyOf(name));
            } else if (name.size() == 1 && isWord(words, name.get(0))) {
                accounts.add(name.get(0));
            }
        }
        whole.forEach(accounts::removeAll); // a word in a person's full name ("Grant Page") is that person's
        List<List<String>> longestFirst = new ArrayList<>(whole);
        longestFirst.sort((a, b) -> b.size() - a.size());
        return new Blameless(parts, longestFirst, accounts, words);
    }

    /** An English word or a word of the trade: one that names a person only where the text uses it so. */
    private static boolean isWord(Words words, String lower) {
        return words.contains(lower) || NameCues.TECHNICAL.contains(lower);
    }

    private static boolean isNameWord(String word) {
        return word.length() >= 2
                && !NameCues.NOT_NAMES.contains(word)
                && word.chars().anyMatch(Character::isLetter);
    }

    private static void add(Set<String> parts, String word) {
        if (isNameWord(word)) {
            parts.add(word);
        }
    }

    /** The text with every person it names, e-mail address and handle replaced; null stays null. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = EMAIL_ADDRESS.matcher(text).replaceAll(Matcher.quoteReplacement(EMAIL));
        out = HANDLE.matcher(out).replaceAll("$1" + PERSON);
        if (parts.isEmpty()) {
            return out;
        }
        List<int[]> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(out);
        while (m.find()) {
            tokens.add(new int[] {m.start(), m.end()});
        }
        boolean[] name = new boolean[tokens.size()];
        markWholeNames(out, tokens, name);
        for (int i = 0; i < tokens.size(); i++) {
            if (!name[i] && usedAsName(out, tokens, i)) {
                name[i] = true;
            }
        }
        StringBuilder sb = new StringBuilder(out.length());
        int last = 0;
        boolean changed = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (name[i]) {
                sb.append(out, last, tokens.get(i)[0]).append(PERSON);
                last = possessiveEnd(out, tokens.get(i));
                changed = true;
            }
        }
        if (!changed) {
            return out;
        }
        sb.append(out, last, out.length());
        return REPEATED.matcher(sb).replaceAll(PERSON); // "Priya Raman" reads "someone", not "someone someone"
    }

    /** A whole name, its words in order with only white space between: "Grant Page", "grant  page". */
    private void markWholeNames(String text, List<int[]> tokens, boolean[] name) {
        for (int i = 0; i < tokens.size(); i++) {
            for (List<String> whole : wholeNames) {
                if (i + whole.size() > tokens.size()) {
                    continue;
                }
                boolean match = true;
                for (int k = 0; k < whole.size() && match; k++) {
                    int[] t = tokens.get(i + k);
                    match = stem(text.substring(t[0], t[1])).equals(whole.get(k))
                            && (k == 0
                                    || text.substring(tokens.get(i + k - 1)[1], t[0])
                                            .isBlank());
                }
                if (match) {
                    for (int k = 0; k < whole.size(); k++) {
                        name[i + k] = true;
                    }
                    break;
                }
            }
        }
    }

    private boolean usedAsName(String text, List<int[]> tokens, int i) {
        int[] t = tokens.get(i);
        String token = text.substring(t[0], t[1]);
        String lower = stem(token);
        String[] pieces = PARTS.split(lower);
        if (pieces.length > 1) {
            // "priya.raman" (a handle: any name in it that is no English word names them), "mei-ling" (a word
            // joined by hyphens: only when every piece is a name, so "lima-bean" stays a bean).
            boolean handle = lower.indexOf('.') >= 0 || lower.indexOf('_') >= 0;
            boolean allNames = true;
            for (String piece : pieces) {
                if (handle && piece.length() >= 2 && parts.contains(piece) && !isWord(words, piece)) {
                    return true;
                }
                allNames &= parts.contains(piece) || piece.length() < 2;
            }
            if (allNames && !isWord(words, PARTS.matcher(lower).replaceAll(""))) {
                return true;
            }
        }
        if (!parts.contains(lower)) {
            return false;
        }
        if (!isWord(words, lower)) {
            return true; // "Priya", "raman": no English word
        }
        // A name that is also a word: only where the text uses it as a name.
        if (!Character.isUpperCase(token.codePointAt(0)) || isAllCaps(token)) {
            return false; // lower case is the word; all capitals is a keyword or a shout ("GRANT SELECT …")
        }
        if (POSSESSIVE.matcher(token).matches()) { // a token holds its "'s": WORD joins it
            return true;
        }
        if (titleCaseLine(text, tokens, i)) {
            return false;
        }
        if (!startsSentence(text, t[0])) {
            return !NameCues.CALENDAR.contains(lower)
                    && !NameCues.TECHNICAL.contains(lower); // "asked Grant", not "on 3 May"
        }
        return followedByWhatAPersonDid(text, tokens, i, accounts.contains(lower));
    }

    /**
     * "Grant restarted the pods", "Drew then rolled it back": the next word (past an adverb) is a deed; after an
     * account's name, one a thing does not do as well.
     */
    private static boolean followedByWhatAPersonDid(String text, List<int[]> tokens, int i, boolean account) {
        for (int k = i + 1; k < tokens.size() && k <= i + 2; k++) {
            int[] next = tokens.get(k);
            if (SENTENCE_BREAK
                    .matcher(text.substring(tokens.get(k - 1)[1], next[0]))
                    .find()) {
                return false; // the sentence ended
            }
            String following = text.substring(next[0], next[1]).toLowerCase(Locale.ROOT);
            if (account && NameCues.THINGS_DO_TOO.contains(following)) {
                return false;
            }
            if (NameCues.DID.contains(following) || following.endsWith("ed") && following.length() > 3) {
                return true;
            }
            if (!NameCues.ADVERBS.contains(following)) {
                return false;
            }
        }
        return false;
    }

    /** The word without a possessive ending: "Grant's" is Grant. */
    private static String stem(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return lower.endsWith("'s") || lower.endsWith("’s") ? lower.substring(0, lower.length() - 2) : lower;
    }

    /** Where the name in a token ends: "Grant's" keeps its "'s" ("someone's fix"). */
    private static int possessiveEnd(String text, int[] token) {
        String t = text.substring(token[0], token[1]).toLowerCase(Locale.ROOT);
        return t.endsWith("'s") || t.endsWith("’s") ? token[1] - 2 : token[1];
    }

    private static boolean isAllCaps(String token) {
        return token.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    /** At the start of the text, a line, or after a sentence's end or a list marker. */
    private static boolean startsSentence(String text, int at) {
        int k = at - 1;
        while (k >= 0
                && (text.charAt(k) == ' '
                        || text.charAt(k) == '\t'
                        || text.charAt(k) == '"'
                        || text.charAt(k) == '('
                        || text.charAt(k) == '*'
                        || text.charAt(k) == '_')) {
            k--;
        }
        if (k < 0) {
            return true;
        }
        char c = text.charAt(k);
        if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':' || c == ';') {
            return true;
        }
        return (c == '-' || c == '+') && (k == 0 || text.charAt(k - 1) == '\n');
    }

    /** A heading-like line where most longer words are capitalised: there a capital says nothing. */
    private static boolean titleCaseLine(String text, List<int[]> tokens, int i) {
        int lineStart = text.lastIndexOf('\n', tokens.get(i)[0]) + 1;
        int lineEnd = text.indexOf('\n', tokens.get(i)[0]);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        int longer = 0;
        int capital = 0;
        for (int[] t : tokens) {
            if (t[0] < lineStart || t[1] > lineEnd || t[1] - t[0] < 4) {
                continue;
            }
            longer++;
            if (Character.isUpperCase(text.codePointAt(t[0]))) {
                capital++;
            }
        }
        return longer >= 3 && capital * 10 >= longer * 7;
    }
}
