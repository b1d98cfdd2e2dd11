package dev.hotfixlog.error;

import java.util.List;
import java.util.stream.Collectors;

/** The input is unusable; every bad field is listed so a caller can fix all of them at once. */
public class ValidationException extends HotfixLogException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID_INPUT;
    }

    /** A body that could not be read at all (no fields to name) is a bad request, not unprocessable content. */
    @Override
    public int httpStatus() {
        return errors.stream().anyMatch(f -> f.field().equals("body")) ? 400 : super.httpStatus();
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
