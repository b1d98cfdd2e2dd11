package dev.hotfixlog.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each failure kind is said once: its type, status and exit code, and the client's way back to its exception. */
class ErrorKindTest {
    @Test
    void everyKind_hasItsOwnType_andAnErrorStatus() {
        assertThat(Arrays.stream(ErrorKind.values()).map(ErrorKind::type)).doesNotHaveDuplicates();
        assertThat(ErrorKind.values()).allSatisfy(k -> {
            assertThat(k.httpStatus()).isBetween(400, 599);
            assertThat(ErrorKind.ofType(k.type())).contains(k);
        });
    }

    @Test
    void aProblemDocument_becomesTheExceptionOfItsKind_onTheClient() {
        for (ErrorKind k : ErrorKind.values()) {
            // A stale version comes back with its versions, which only the client knows: ApiTransport builds it.
            if (k != ErrorKind.STALE_VERSION) {
                assertThat(k.fromDetail("what failed").kind()).isEqualTo(k);
            }
        }
    }

    @Test
    void aBodyThatCannotBeRead_isABadRequest_anUnusableFieldIsUnprocessable() {
        assertThat(ValidationException.of("body", "is not JSON").httpStatus()).isEqualTo(400);
        assertThat(ValidationException.of("title", "is required").httpStatus()).isEqualTo(422);
        assertThat(ValidationException.of("title", "is required").kind().exitCode())
                .isEqualTo(ErrorKind.EXIT_BAD_INPUT);
    }
}
