package dev.hotfixlog.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A word where a command belongs that names none ({@code hotfix frobnicate}, {@code hotfix lesson create}): the
 * message names it and the nearest commands there are, by edit distance, so a typo is answered with its fix;
 * when none is near, every command of that level.
 */
final class UnknownCommand {
    /** At most this many suggestions: more is a list of commands, which --help gives. */
    private static final int SUGGESTED = 3;

    private UnknownCommand() {}

    /** The message for an unmatched word, or null when the word is not in a command's place (an extra value). */
    static String message(CommandLine.UnmatchedArgumentException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        List<String> unmatched = e.getUnmatched();
        if (unmatched.isEmpty()
                || spec.subcommands().isEmpty()
                || !spec.positionalParameters().isEmpty()
                || unmatched.get(0).startsWith("-")) {
            return null;
        }
        String word = unmatched.get(0);
        List<String> nearest = nearest(word, spec);
        return "'" + word + "' is not a command of " + spec.qualifiedName()
                + (nearest.isEmpty()
                        ? "; its commands are "
                                + String.join(", ", spec.subcommands().keySet())
                        : "; did you mean " + String.join(", ", nearest) + "?");
    }

    /** The commands nearest the word (its prefix, or fewest edits and within a third of its length), by name. */
    static List<String> nearest(String word, CommandSpec parent) {
        String w = word.toLowerCase(Locale.ROOT);
        record Scored(String name, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (String name : parent.subcommands().keySet()) {
            int d = name.startsWith(w) || w.startsWith(name) ? 0 : distance(w, name);
            if (d <= Math.max(2, Math.max(w.length(), name.length()) / 3)) {
                scored.add(new Scored(name, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        List<String> out = new ArrayList<>();
        for (Scored c : scored) {
            if (out.size() < SUGGESTED && c.distance() == scored.get(0).distance()) { // the nearest only
                out.add(parent.qualifiedName() + " " + c.name());
            }
        }
        return out;
    }

    /** Levenshtein distance with adjacent swaps counted as one edit ("lsit" is one from "list"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
