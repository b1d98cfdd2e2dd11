package dev.hotfixlog.migrate;

import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What to move in, checked once here.
 *
 * @param source   the tool, one of those {@code App} lists
 * @param from     its API's address (http or https), a saved JSON page or a folder of them, or for Morgue a
 *                 {@code jdbc:mariadb:} / {@code jdbc:mysql:} URL; null takes the tool's public API
 * @param token    the tool's API key; never stored, never reported
 * @param dryRun   read and map everything, write nothing, say what would happen
 * @param since    only records created at or after this (null: from the beginning)
 * @param until    only records created before this (null: now)
 * @param severity the run's own lines of the severity table ({@code pagerduty.P3=high}), over the configured ones
 * @param jiraUrl  where a Morgue Jira ticket's page is ({@code https://jira.example.com/browse/}), or null
 * @param restart  start from the beginning even when an earlier run stopped halfway
 * @param limits   how long the run waits on the source and how many pages it reads (null: the defaults)
 */
public record MigrationRequest(
        MigrationTool source,
        String from,
        String token,
        boolean dryRun,
        Instant since,
        Instant until,
        Map<String, String> severity,
        String jiraUrl,
        boolean restart,
        MigrationLimits limits) {
    /** A request with the default limits. */
    public MigrationRequest(
            MigrationTool source,
            String from,
            String token,
            boolean dryRun,
            Instant since,
            Instant until,
            Map<String, String> severity,
            String jiraUrl,
            boolean restart) {
        this(source, from, token, dryRun, since, until, severity, jiraUrl, restart, MigrationLimits.DEFAULT);
    }

    public MigrationRequest {
        limits = limits == null ? MigrationLimits.DEFAULT : limits;
        List<FieldError> errors = new ArrayList<>();
        if (source == null) {
            throw ValidationException.of("source", "is required");
        }
        from = from == null || from.isBlank() ? source.defaultOrigin() : from.strip();
        if (from == null) {
            errors.add(new FieldError("from", source.fromRequired()));
        } else if (source.refusal(from) != null) {
            errors.add(new FieldError("from", source.refusal(from)));
        }
        if (since != null && until != null && !since.isBefore(until)) {
            errors.add(new FieldError("since", "must be before until (" + since + " is not before " + until + ")"));
        }
        severity = severity == null ? Map.of() : new LinkedHashMap<>(severity);
        // Each line's form and severity here; whether the log knows its tool, where the tools are (the service).
        errors.addAll(SeverityTable.formErrors("severity", severity));
        if (jiraUrl != null && !jiraUrl.isBlank() && !SourceText.isHttpAddress(jiraUrl)) {
            errors.add(new FieldError("jiraUrl", "must be an http(s) address, was " + jiraUrl));
        }
        jiraUrl = jiraUrl == null || jiraUrl.isBlank() ? null : jiraUrl;
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        severity = Map.copyOf(severity);
    }

    /** True when the records come from the tool's API rather than saved pages or a database. */
    public boolean overHttp() {
        return source.overHttp(from);
    }

    /** Where the records come from, without a user, password or query that may hold a secret. */
    public String origin() {
        return origin(from);
    }

    static String origin(String from) {
        String s = from;
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        int scheme = s.indexOf("://");
        int at = s.indexOf('@');
        if (scheme >= 0 && at > scheme) {
            s = s.substring(0, scheme + 3) + s.substring(at + 1);
        }
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static boolean isUrl(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    static boolean isJdbc(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.startsWith("jdbc:mariadb://") || l.startsWith("jdbc:mysql://");
    }
}
