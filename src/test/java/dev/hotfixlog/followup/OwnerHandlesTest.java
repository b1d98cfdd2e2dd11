package dev.hotfixlog.followup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `followups --owner` matches owners the way people type handles, and nothing looser. */
class OwnerHandlesTest {
    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "@priya        | Priya Raman                          | true",
                "priya         | Priya Raman                          | true",
                "PRIYA         | Priya Raman                          | true",
                "raman         | Priya Raman                          | true",
                "@priya.raman  | Priya Raman                          | true",
                "priya_raman   | Priya Raman                          | true",
                "priyaraman    | Priya Raman                          | true",
                "praman        | Priya Raman                          | true",
                "Priya Raman   | priya raman                          | true",
                "pr            | Priya Raman <pr@example.com>         | true",
                "@zoe          | Zoë Brandt                           | true",
                "@priya        | @priya                               | true",
                "pri           | Priya Raman                          | false",
                "ram           | Priya Raman                          | false",
                "@priya        | Priyanka Shah                        | false",
                "@priya        | Jonas                                | false"
            })
    void anOwner_isMatchedByTheHandlesPeopleType(String query, String owner, boolean matches) {
        assertThat(new FollowUpQuery(false, query, false, 10).ownedBy(owner)).isEqualTo(matches);
    }
}
