package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written label scanner reads every line exactly as the regular expressions that define it. */
class LabelLineProperties {
    private static final Pattern BOLD = Pattern.compile(LabelLine.BOLD);
    private static final Pattern PLAIN = Pattern.compile(LabelLine.PLAIN);
    private static final Pattern LIST_ITEM = Pattern.compile(LabelLine.LIST_ITEM);

    /** Pieces a label line is made of, and the characters where a hand-written scanner goes wrong. */
    private static final List<String> PIECES = List.of(
            "",
            " ",
            "  ",
            "\t",
            "*",
            "**",
            "***",
            "-",
            "+",
            ":",
            "::",
            "Problem",
            "Why Emergency",
            "Root Cause (Initial)",
            "Files/Systems Affected",
            "x",
            "Z",
            "é",
            "✓",
            "🚨",
            "(",
            ")",
            "'",
            "/",
            "_",
            "`",
            "[",
            "]",
            "|",
            "\u2028",
            "\u2029",
            "\u0085",
            "\r",
            "\n",
            "\f",
            "\u000B",
            " :",
            ": ",
            "a".repeat(40),
            "a".repeat(41),
            "b".repeat(59),
            "b".repeat(60),
            "c".repeat(61),
            " text after the label  ");

    /** Lines at the edges: names of 60 and 61 characters, names of spaces and colons only. */
    private static final List<String> EDGES = List.of(
            "**" + "n".repeat(60) + ":** x",
            "**" + "n".repeat(61) + "** x",
            "**" + "n".repeat(59) + " :** x",
            "** **",
            "** :**",
            "**:**",
            "**  : **:",
            "* **:: **",
            "**a::**",
            "N" + "a".repeat(40) + ": x",
            "N" + "a".repeat(41) + ": x",
            "- \u2028x",
            "-\u000Bx",
            "**x**\u2028");

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> built = Arbitraries.of(PIECES).list().ofMaxSize(12).map(l -> String.join("", l));
        Arbitrary<String> any = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars('\t', '\u2028', 'é', '✓')
                .ofMaxLength(90);
        return Arbitraries.oneOf(built, built, any);
    }

    @Example
    void theEdgesAreReadAsTheExpressionsReadThem() {
        for (String line : EDGES) {
            assertThat(LabelLine.bold(line)).as(line).isEqualTo(expected(BOLD, line));
            assertThat(LabelLine.plain(line)).as(line).isEqualTo(expected(PLAIN, line));
            assertThat(LabelLine.isListItem(line))
                    .as(line)
                    .isEqualTo(LIST_ITEM.matcher(line).matches());
        }
    }

    @Property(tries = 3000)
    void aBoldLabelIsReadAsTheExpressionReadsIt(@ForAll("lines") String line) {
        assertThat(LabelLine.bold(line)).isEqualTo(expected(BOLD, line));
    }

    @Property(tries = 3000)
    void aPlainLabelIsReadAsTheExpressionReadsIt(@ForAll("lines") String line) {
        assertThat(LabelLine.plain(line)).isEqualTo(expected(PLAIN, line));
    }

    @Property(tries = 3000)
    void aListItemIsToldAsTheExpressionTellsIt(@ForAll("lines") String line) {
        assertThat(LabelLine.isListItem(line)).isEqualTo(LIST_ITEM.matcher(line).matches());
    }

    private static LabelLine expected(Pattern p, String line) {
        Matcher m = p.matcher(line);
        return m.matches() ? new LabelLine(m.group(1), m.group(2)) : null;
    }
}
