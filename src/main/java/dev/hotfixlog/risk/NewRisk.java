package dev.hotfixlog.risk;

import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A risk added by hand to a hotfix: the statement is required; the decision defaults to accept and the review date
 * to the hotfix's severity's ({@link ReviewPeriods}). Texts are bounded here, masked by the service.
 */
public record NewRisk(
        String hotfixId,
        String statement,
        String owner,
        RiskDecision decision,
        String controls,
        String properFix,
        Instant reviewBy) {
    public static final int MAX_TEXT = 4_000;
    public static final int MAX_NAME = 200;

    public NewRisk {
        List<FieldError> errors = new ArrayList<>();
        if (hotfixId == null || hotfixId.isBlank()) {
            errors.add(new FieldError("hotfix", "is required: the hotfix whose change accepted the risk"));
        }
        if (statement == null || statement.isBlank()) {
            errors.add(new FieldError("statement", "is required: what risk was accepted"));
        }
        check(errors, "statement", statement, MAX_TEXT);
        check(errors, "owner", owner, MAX_NAME);
        check(errors, "controls", controls, MAX_TEXT);
        check(errors, "properFix", properFix, MAX_TEXT);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        decision = decision == null ? RiskDecision.ACCEPT : decision;
        statement = statement.strip();
        owner = blankToNull(owner);
        controls = blankToNull(controls);
        properFix = blankToNull(properFix);
    }

    static void check(List<FieldError> errors, String field, String text, int max) {
        if (text != null && text.length() > max) {
            errors.add(new FieldError(field, "is at most " + max + " characters, was " + text.length()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
