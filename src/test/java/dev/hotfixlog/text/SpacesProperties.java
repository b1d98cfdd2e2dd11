package dev.hotfixlog.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class SpacesProperties {
    @Property
    void collapse_keepsEveryOtherCharacterInOrder_withSingleSpacesBetweenWords(
            @ForAll
                    @Chars({' ', '\t', '\n', '\r', '\u000B', '\f', '\u2003', 'a', 'Z', '-'})
                    @CharRange(from = 'à', to = 'ÿ')
                    String text) {
        String one = Spaces.collapse(text);
        assertThat(one).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
        assertThat(one.chars().noneMatch(c -> c != ' ' && Character.isWhitespace(c)))
                .isTrue();
        assertThat(one.replace(" ", ""))
                .isEqualTo(text.codePoints()
                        .filter(c -> !Character.isWhitespace(c))
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString());
    }

    @Property
    void cut_neverExceedsItsWidth(
            @ForAll @StringLength(max = 200) String text, @ForAll @IntRange(min = 1, max = 80) int max) {
        assertThat(Spaces.cut(text, max)).hasSizeLessThanOrEqualTo(max);
    }

    @Example
    void collapse_foldsLineBreaksAndTabs() {
        assertThat(Spaces.collapse("  Checkout\n\t returns  500 \r\n")).isEqualTo("Checkout returns 500");
        assertThat(Spaces.cut("Checkout returns 500 for every EU card", 12)).isEqualTo("Checkout re…");
        assertThat(Spaces.collapse(null)).isNull();
    }
}
