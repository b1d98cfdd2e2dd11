package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a hotfix is in its life: being fixed, fix deployed and being watched, or done. Only moves forward. */
public enum Status {
    ACTIVE,
    DEPLOYED,
    COMPLETED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status parse(String field, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Status s : values()) {
            if (s.json().equals(t)) {
                return s;
            }
        }
        throw ValidationException.of(
                field,
                "'" + text + "' is not a status; use one of "
                        + Arrays.stream(values()).map(Status::json).collect(Collectors.joining(", ")));
    }
}
