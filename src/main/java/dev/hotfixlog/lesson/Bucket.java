package dev.hotfixlog.lesson;

import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.security.SecretRedactor;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The three places a production lesson usually lands (seed 000, "Development concerns"): the code needed a
 * clearer state model, the release path a safer validation loop, or the team better ownership boundaries.
 */
public enum Bucket {
    STATE_MODEL("state-model", "State model", "The code needed a clearer state model."),
    RELEASE_VALIDATION_LOOP(
            "release-validation-loop", "Release validation loop", "The release path needed a safer validation loop."),
    OWNERSHIP_BOUNDARIES(
            "ownership-boundaries",
            "Ownership boundaries",
            "The team needed better ownership boundaries between frontend, backend, infrastructure and operations.");

    private final String json;
    private final String label;
    private final String meaning;

    Bucket(String json, String label, String meaning) {
        this.json = json;
        this.label = label;
        this.meaning = meaning;
    }

    public String json() {
        return json;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    /** {@code state-model}, {@code State model} or {@code STATE_MODEL}; null and blank are no bucket. */
    public static Bucket parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String key = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (Bucket b : values()) {
            if (b.json.equals(key)) {
                return b;
            }
        }
        throw ValidationException.of(
                "bucket",
                SecretRedactor.quoted(text) + " is not a lesson bucket; use one of "
                        + Arrays.stream(values()).map(Bucket::json).collect(Collectors.joining(", ")));
    }
}
