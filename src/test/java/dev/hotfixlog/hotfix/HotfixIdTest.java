package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.error.ValidationException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class HotfixIdTest {
    @Property
    void anId_isThePaddedNumber_andReadsBack(@ForAll @LongRange(min = 1, max = 999_999_999_999L) long number) {
        HotfixId id = new HotfixId(number);
        assertThat(id.toString()).isEqualTo(String.format("HOTFIX-%03d", number));
        assertThat(HotfixId.parse(id.toString())).isEqualTo(id);
    }

    @Property
    void theFirstThousand_arePaddedToThreeDigits(@ForAll @LongRange(min = 1, max = 999) long number) {
        assertThat(new HotfixId(number).toString()).hasSize("HOTFIX-000".length());
    }

    @Property
    void numbersBelowOne_areNotIds(@ForAll @LongRange(min = Long.MIN_VALUE, max = 0) long number) {
        assertThatThrownBy(() -> new HotfixId(number)).isInstanceOf(ValidationException.class);
    }
}
