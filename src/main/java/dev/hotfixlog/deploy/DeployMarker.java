package dev.hotfixlog.deploy;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.web.HotfixView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deploy as a sender reports it, checked once, here: a system and a version (printable, at most 200
 * characters), when (null: when it arrives), the environment (production by default), an http(s) link, and the
 * sender's own id of the event, which makes a repeated report one deploy. The environment is a word (letters,
 * digits, - _ .), lowercased.
 */
public record DeployMarker(
        String system, String version, Instant at, String environment, String url, String externalId) {
    static final int MAX = 200;
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public DeployMarker {
        List<FieldError> errors = new ArrayList<>();
        system = name(errors, "system", system, true);
        version = name(errors, "version", version, true);
        environment = environment == null || environment.isBlank()
                ? "production"
                : environment.strip().toLowerCase(Locale.ROOT);
        if (!ENVIRONMENT.matcher(environment).matches()) {
            errors.add(new FieldError(
                    "environment",
                    "may use letters, digits, - _ and . only (at most 64), e.g. " + "production, staging, eu-west-1"));
        }
        externalId = name(errors, "id", externalId, false);
        if (url != null && !url.isBlank()) {
            String u = url.strip();
            if (!HotfixView.isSafeLink(u) || u.length() > 2_000) {
                errors.add(new FieldError("url", "must be an http(s) link of at most 2000 characters"));
            }
            url = u;
        } else {
            url = null;
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Whether an environment counts as production for suggestions and the delivery figures. */
    public static boolean isProduction(String environment) {
        return environment.equals("production") || environment.equals("prod");
    }

    private static String name(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX) {
            errors.add(new FieldError(field, "is longer than " + MAX + " characters"));
        } else if (v.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "holds a control character (a line break?)"));
        }
        return v;
    }
}
