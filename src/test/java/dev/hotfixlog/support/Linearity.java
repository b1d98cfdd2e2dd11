package dev.hotfixlog.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Measures how a text operation's time grows with its input: finds the operation's worst input among adversarial
 * families (short units repeated), doubles that input from {@link #FROM_CHARS} to {@link #TO_CHARS}, then times it
 * at {@link #LARGEST_CHARS}. Times are the measuring thread's CPU time (a shared machine's other work does not
 * count): the median of three runs after a warm-up, the best of two at 2 MB. The growth asserted is the mean ratio
 * per doubling from the smallest size to 2 MB, which survives a noisy step better than the worst single step.
 */
public final class Linearity {
    /** The size the issue names: 2 MB of one field. */
    public static final int LARGEST_CHARS = 2 * 1024 * 1024;
    /** The doubling range: wide enough to tell 2 from 4 per doubling, small enough for dozens of patterns. */
    public static final int FROM_CHARS = 64 * 1024;

    public static final int TO_CHARS = 256 * 1024;
    /** Doubling the input may cost at most this much more (2 when linear; 4 when quadratic). */
    public static final double MAX_RATIO_PER_DOUBLING = 2.5;
    /** Times under this are noise: a ratio is taken between times at least this long. */
    private static final long NOISE_FLOOR_NANOS = 2_000_000;

    private static final int SEARCH_CHARS = 1024;
    private static final int MAX_UNITS = 100;
    private static final int SHORTLIST_CHARS = 32 * 1024;
    private static final int SHORTLIST = 3;
    private static final int RUNS = 3;

    /** One operation's verdict: its worst unit, the median time at each doubling size, the time at 2 MB. */
    public record Growth(String name, String unit, int[] sizes, long[] nanos, long largestNanos) {
        /** The mean ratio per doubling from the smallest size to 2 MB: 2 when linear, 4 when quadratic. */
        public double worstRatio() {
            double whole = (double) Math.max(largestNanos, NOISE_FLOOR_NANOS) / Math.max(nanos[0], NOISE_FLOOR_NANOS);
            return Math.pow(whole, 1.0 / (Math.log((double) LARGEST_CHARS / sizes[0]) / Math.log(2)));
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(name)
                    .append(" on ")
                    .append(printable(unit))
                    .append(":");
            for (int k = 0; k < sizes.length; k++) {
                b.append(String.format(" %dK %.1fms", sizes[k] / 1024, nanos[k] / 1e6));
            }
            return b.append(String.format(" (ratio per doubling %.2f); 2048K %.1fms", worstRatio(), largestNanos / 1e6))
                    .toString();
        }
    }

    private Linearity() {}

    /** The worst of {@code units} for {@code operation}, then its times doubling, then at 2 MB. */
    public static Growth growth(String name, Consumer<String> operation, Set<String> units) {
        List<String> shortlist = units.stream()
                .filter(u -> !u.isEmpty())
                .map(u -> new Object[] {u, timeOnce(operation, repeat(u, SEARCH_CHARS))})
                .sorted(Comparator.comparingLong((Object[] o) -> (Long) o[1]).reversed())
                .limit(SHORTLIST)
                .map(o -> (String) o[0])
                .toList();
        String worst = shortlist.stream()
                .max(Comparator.comparingLong(u -> timeOnce(operation, repeat(u, SHORTLIST_CHARS))))
                .orElseThrow();
        List<Integer> sizes = new ArrayList<>();
        for (int n = FROM_CHARS; n <= TO_CHARS; n *= 2) {
            sizes.add(n);
        }
        long[] nanos = new long[sizes.size()];
        timeOnce(operation, repeat(worst, sizes.get(0))); // warm-up: compiled code, not the interpreter, is measured
        for (int k = 0; k < sizes.size(); k++) {
            String input = repeat(worst, sizes.get(k));
            long[] runs = new long[RUNS];
            for (int r = 0; r < RUNS; r++) {
                runs[r] = timeOnce(operation, input);
            }
            Arrays.sort(runs);
            nanos[k] = runs[RUNS / 2];
        }
        String largestInput = repeat(worst, LARGEST_CHARS);
        long largest = Math.min(timeOnce(operation, largestInput), timeOnce(operation, largestInput));
        return new Growth(
                name, worst, sizes.stream().mapToInt(Integer::intValue).toArray(), nanos, largest);
    }

    /**
     * Adversarial units built from a pattern's own text: its literal fragments, each repeated, prefixed by a
     * separator ({@code -eyJ}), followed by each of its class characters ({@code a:}) or by a run and a dot
     * ({@code eyJxxxxxxxx.}); its class characters alone and in pairs; and near misses every detector shares.
     */
    public static Set<String> unitsFrom(String regex) {
        List<String> fragments = new ArrayList<>();
        Set<Character> classChars = new LinkedHashSet<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char e = regex.charAt(++i);
                if ("pP".indexOf(e) >= 0 && i + 1 < regex.length() && regex.charAt(i + 1) == '{') {
                    i = regex.indexOf('}', i);
                    classChars.addAll(List.of('a', 'Z', '7', 'é'));
                    flush(literal, fragments);
                } else if (Character.isLetterOrDigit(e)) { // \b \s \d \w: a class or an assertion, not a letter
                    classChars.addAll(e == 's' ? List.of(' ', '\n') : e == 'd' ? List.of('1') : List.of('a', '_'));
                    flush(literal, fragments);
                } else {
                    literal.append(e);
                }
            } else if (c == '[') {
                flush(literal, fragments);
                int close = classEnd(regex, i);
                for (int k = i + 1; k < close; k++) {
                    char x = regex.charAt(k);
                    if (x != '^' && x != '\\' && !(x == '-' && k > i + 1 && k < close - 1)) {
                        classChars.add(x);
                    }
                }
                i = close;
            } else if (c == '(' && i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                flush(literal, fragments);
                while (i < regex.length() && regex.charAt(i) != ':' && regex.charAt(i) != ')') {
                    i++;
                }
            } else if ("()|*+?{}.^$".indexOf(c) >= 0) {
                flush(literal, fragments);
                if (c == '{') {
                    i = Math.max(i, regex.indexOf('}', i));
                }
                if (c == '.') {
                    classChars.addAll(List.of('a', '.', ' '));
                }
            } else {
                literal.append(c);
            }
        }
        flush(literal, fragments);
        Set<String> units = new LinkedHashSet<>(List.of(
                "-eyJ", "a:", "://", "eyJx.", "a@", "a=", "Aa1", " a", "\n", "a.", "a-", "a/", "a'", "@a", "=a", "x"));
        for (String f : fragments) {
            units.add(f);
            units.add("-" + f);
            units.add(f + "x.");
            units.add(f + "aaaaaaaaa.");
            units.add(f + " ");
            units.add(f.substring(0, f.length() - 1));
            for (char c : classChars) {
                units.add(f + c);
            }
        }
        List<Character> chars = new ArrayList<>(classChars);
        for (char c : chars) {
            units.add(String.valueOf(c));
            for (char d : chars.subList(0, Math.min(chars.size(), 6))) {
                units.add("" + c + d);
            }
        }
        return units.stream().limit(MAX_UNITS).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static int classEnd(String regex, int open) {
        int k = open + 1;
        if (k < regex.length() && regex.charAt(k) == '^') {
            k++;
        }
        if (k < regex.length() && regex.charAt(k) == ']') {
            k++;
        }
        for (; k < regex.length(); k++) {
            if (regex.charAt(k) == '\\') {
                k++;
            } else if (regex.charAt(k) == ']') {
                return k;
            }
        }
        return regex.length() - 1;
    }

    private static void flush(StringBuilder literal, List<String> fragments) {
        if (literal.length() > 0) {
            fragments.add(literal.toString());
            literal.setLength(0);
        }
    }

    public static String repeat(String unit, int chars) {
        StringBuilder b = new StringBuilder(chars + unit.length());
        while (b.length() < chars) {
            b.append(unit);
        }
        b.setLength(chars);
        return b.toString();
    }

    private static long timeOnce(Consumer<String> operation, String input) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        operation.accept(input);
        return threads.getCurrentThreadCpuTime() - start;
    }

    private static String printable(String unit) {
        return "\"" + unit.replace("\n", "\\n") + "\"";
    }
}
