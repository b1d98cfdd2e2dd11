package dev.hotfixlog.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The table names a SQL statement mentions, and whether it writes them: a small tokenizer (string literals,
 * quoted names, comments and bind parameters skipped) and the words that introduce a table ({@code FROM},
 * {@code JOIN}, {@code INTO}, {@code UPDATE}, {@code TABLE}, {@code TRUNCATE}). Not a SQL parser: it may also
 * name a CTE, an alias or a function's {@code FROM} argument, which {@link TableOwners} ignores as no table of the
 * schema.
 */
public final class SqlTables {
    /** A name after a table-introducing word; {@code write} when the statement changes it. */
    public record Ref(String name, boolean write) {}

    private static final Set<String> INTRODUCERS = Set.of("from", "join", "into", "update", "table", "truncate");
    private static final Set<String> SKIPPED = Set.of("only", "if", "not", "exists", "lateral");
    /** Words that end a table reference instead of being its alias. */
    private static final Set<String> NOT_ALIASES = Set.of(
            "where",
            "join",
            "left",
            "right",
            "inner",
            "outer",
            "cross",
            "full",
            "natural",
            "on",
            "using",
            "group",
            "order",
            "limit",
            "offset",
            "union",
            "except",
            "intersect",
            "having",
            "window",
            "set",
            "values",
            "returning",
            "select",
            "for",
            "fetch",
            "default",
            "as");

    private SqlTables() {}

    public static List<Ref> refs(String sql) {
        List<String> t = tokens(sql);
        List<Ref> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            String word = t.get(i);
            if (!INTRODUCERS.contains(word)) {
                continue;
            }
            String before = i > 0 ? t.get(i - 1) : "";
            if (word.equals("update") && Set.of("for", "do", "on", "key").contains(before)
                    || word.equals("from") && before.equals("distinct")) {
                continue; // FOR UPDATE, ON CONFLICT … DO UPDATE, ON UPDATE CASCADE, IS DISTINCT FROM
            }
            boolean write = switch (word) {
                case "into", "update", "truncate" -> true;
                case "from" -> before.equals("delete");
                case "table" -> Set.of("create", "drop", "alter", "truncate").contains(before);
                default -> false;
            };
            int j = i + 1;
            while (j < t.size() && SKIPPED.contains(t.get(j))) {
                j++;
            }
            while (j < t.size() && isName(t.get(j))) {
                String name = t.get(j);
                if (j + 2 < t.size() && t.get(j + 1).equals(".") && isName(t.get(j + 2))) {
                    j += 2;
                    name = t.get(j); // schema.table
                }
                out.add(new Ref(name, write));
                j++;
                if (!word.equals("from") && !word.equals("join")) {
                    break;
                }
                if (j < t.size() && t.get(j).equals("as")) {
                    j += 2;
                } else if (j < t.size() && isName(t.get(j)) && !NOT_ALIASES.contains(t.get(j))) {
                    j++;
                }
                if (j < t.size() && t.get(j).equals(",")) {
                    j++;
                    continue;
                }
                break;
            }
        }
        return out;
    }

    private static boolean isName(String token) {
        char c = token.charAt(0);
        return Character.isLetter(c) || c == '_';
    }

    /** Lower-cased words and single-character punctuation; literals become {@code '}, parameters {@code ?}. */
    static List<String> tokens(String sql) {
        List<String> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i++;
                while (i < n && !(sql.charAt(i) == '\'' && (i + 1 >= n || sql.charAt(i + 1) != '\''))) {
                    i += sql.charAt(i) == '\'' ? 2 : 1; // '' is a quote inside the literal
                }
                i++;
                out.add("'");
            } else if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                end = end < 0 ? n : end;
                out.add(sql.substring(i + 1, end).toLowerCase(Locale.ROOT));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n
                        && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                out.add(sql.substring(start, i).toLowerCase(Locale.ROOT));
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                out.add("0");
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.add("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && (Character.isLetter(sql.charAt(i + 1)) || sql.charAt(i + 1) == '_')) {
                i++;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                out.add("?");
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }
}
