package dev.hotfixlog.error;

import java.util.Objects;

/** One bad field of an input: its path as the API names it (e.g. {@code followUps.postmortem.dueAt}) and why. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
