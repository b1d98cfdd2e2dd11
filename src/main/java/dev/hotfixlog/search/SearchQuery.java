package dev.hotfixlog.search;

import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.security.SecretRedactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A full-text search: words (all must match, in any form the stemmer joins: deploy, deployed, deploys), and
 * optional filters. {@code kind} is {@code hotfix} or {@code lesson}; {@code from}/{@code to} bound a hotfix's
 * detection time or a lesson's creation; {@code severity} keeps to hotfixes.
 */
public record SearchQuery(
        String text, String kind, Severity severity, String category, Instant from, Instant to, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    public SearchQuery {
        List<FieldError> errors = new ArrayList<>();
        text = text == null ? "" : text.strip();
        if (text.length() > 500) {
            errors.add(new FieldError("q", "must be at most 500 characters, was " + text.length()));
        }
        kind = kind == null || kind.isBlank() ? null : kind.strip();
        if (kind != null && !kind.equals("hotfix") && !kind.equals("lesson")) {
            errors.add(new FieldError("kind", "must be hotfix or lesson, was " + SecretRedactor.quoted(kind)));
        }
        category = category == null || category.isBlank() ? null : category.strip();
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be 1 to " + MAX_LIMIT + ", was " + limit));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("from", "must be before to"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public SearchQuery withTo(Instant newTo) {
        return new SearchQuery(text, kind, severity, category, from, newTo, limit);
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, null, DEFAULT_LIMIT);
    }

    /** The words searched for: letters and digits only, so no input can become query syntax. */
    public List<String> words() {
        return Terms.words(text);
    }
}
