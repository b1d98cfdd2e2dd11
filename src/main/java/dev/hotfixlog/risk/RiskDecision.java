package dev.hotfixlog.risk;

import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.security.SecretRedactor;
import java.util.Arrays;
import java.util.Locale;

/** What was decided about a risk: the four classic responses. A hotfix's Risk Accepted starts as {@code accept}. */
public enum RiskDecision {
    ACCEPT,
    MITIGATE,
    TRANSFER,
    AVOID;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RiskDecision parse(String field, String text) {
        return Arrays.stream(values())
                .filter(d -> d.json().equals(text))
                .findFirst()
                .orElseThrow(() -> ValidationException.of(
                        field, "must be accept, mitigate, transfer or avoid, was " + SecretRedactor.quoted(text)));
    }
}
