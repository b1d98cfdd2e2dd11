package dev.hotfixlog.risk;

import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.security.SecretRedactor;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a risk stands. {@code EXPIRED} is never stored: an open or mitigated risk past its review date reads as
 * expired ({@link Risk#standing}), so no job has to move it there and a clock in a test can.
 */
public enum RiskState {
    OPEN,
    MITIGATED,
    RETIRED,
    EXPIRED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RiskState parse(String field, String text) {
        return Arrays.stream(values())
                .filter(s -> s.json().equals(text))
                .findFirst()
                .orElseThrow(() -> ValidationException.of(
                        field, "must be open, mitigated, retired or expired, was " + SecretRedactor.quoted(text)));
    }
}
