package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.Fuzzing;
import org.junit.jupiter.api.Tag;

/**
 * The redactor over any text with a secret planted on a line of its own: the secret never survives, in a text
 * ({@code redact}) or in a JSON document ({@code maskInPlace}), and no input makes it throw or hang (the per-input
 * timeout, 30 s in the build and 20 s in bench/fuzz.sh, is the hang).
 */
@Tag("slow")
class SecretRedactorFuzzer {
    private static final String PLANTED = "ghp_" + "Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8";
    private static final SecretRedactor REDACTOR = new SecretRedactor();

    @FuzzTest(maxDuration = "5s")
    void aPlantedSecret_neverSurvives(byte[] input) throws Exception {
        String text = Fuzzing.text(input);
        String planted = text + "\n" + PLANTED + "\n" + text;
        Fuzzing.refusesOnlyWithOwnErrors(() -> {
            assertThat(REDACTOR.redact(text)).isNotNull();
            assertThat(REDACTOR.redact(planted).text()).doesNotContain(PLANTED);
            ObjectNode doc = Json.object().put("problem", planted);
            doc.putObject("fields").put("notes", planted);
            REDACTOR.maskInPlace(doc);
            assertThat(Json.write(doc)).doesNotContain(PLANTED);
        });
    }
}
