package dev.hotfixlog.metrics;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The seed's warning signs: four computed from the log, the signals a monitoring system pushes
 * ({@code PUT /api/v1/signals/{name}}), and the signs the team wrote on its log page.
 */
final class WarningSigns {
    private static final Pattern SIGNAL_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private final Database db;
    private final Clock clock;
    private final SecretRedactor redactor;
    private final LogSigns logSigns;
    private final MetricsRepository repo;
    private final SignalRepository signals = new SignalRepository();

    WarningSigns(Database db, Clock clock, SecretRedactor redactor, LogSigns logSigns, MetricsRepository repo) {
        this.db = db;
        this.clock = clock;
        this.redactor = redactor;
        this.logSigns = logSigns;
        this.repo = repo;
    }

    /** The computed signs, the signals pushed through the API, and the signs written on the log page. */
    List<SignReading> readings() {
        List<SignReading> measured = db.read(this::measured);
        return withWrittenSigns(measured, logSigns.written());
    }

    /**
     * The signs the team wrote on its log page join the list: with the value a monitoring system reported under
     * the sign's name, or with none yet. A reported sign keeps its own threshold; the page's words describe it.
     */
    static List<SignReading> withWrittenSigns(List<SignReading> measured, List<LogSigns.Written> written) {
        List<SignReading> out = new ArrayList<>(measured);
        for (LogSigns.Written w : written) {
            String name = LogSigns.nameOf(w.signal());
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).name().equals(name) && !out.get(i).builtIn()) {
                    at = i;
                }
            }
            if (at >= 0) {
                SignReading r = out.get(at);
                out.set(
                        at,
                        new SignReading(
                                r.name(),
                                r.description() == null ? w.signal() : r.description(),
                                r.value(),
                                r.threshold(),
                                r.direction(),
                                false,
                                r.updatedAt(),
                                w.threshold()));
            } else {
                out.add(new SignReading(
                        name,
                        w.signal(),
                        null,
                        LogSigns.thresholdOf(w.threshold()),
                        LogSigns.directionOf(w.threshold()),
                        false,
                        null,
                        w.threshold() == null ? "no threshold written" : w.threshold()));
            }
        }
        return out;
    }

    /** The computed signs and the pushed signals, in the caller's transaction. */
    List<SignReading> measured(Handle h) {
        Instant now = now();
        long n = now.toEpochMilli();
        List<SignReading> out = new ArrayList<>();
        long week = repo.count(h, n - Duration.ofDays(7).toMillis(), n + 1);
        out.add(new SignReading(
                "hotfixes-per-week", "Hotfixes detected in the last 7 days", (double) week, 3, "above", true, now));
        long last90 = repo.count(h, n - Targets.REPEAT_WINDOW_MILLIS, n + 1);
        long repeats90 = repo.repeats(h, n - Targets.REPEAT_WINDOW_MILLIS, n + 1);
        out.add(new SignReading(
                "repeat-share",
                "Share of the last 90 days' hotfixes that repeat an earlier one",
                last90 == 0 ? 0.0 : (double) repeats90 / last90,
                Targets.REPEAT_SHARE_TARGET,
                "above",
                true,
                now));
        out.add(new SignReading(
                "overdue-postmortems",
                "Post-mortems past their due time",
                (double) repo.overdueFollowUps(h, n, "postmortem"),
                0,
                "above",
                true,
                now));
        out.add(new SignReading(
                "overdue-followups",
                "Follow-ups of any kind past their due time",
                (double) repo.overdueFollowUps(h, n, null),
                5,
                "above",
                true,
                now));
        // Hotfix debt that no one looks at again: a corner cut "for now" whose review date has passed.
        out.add(new SignReading(
                "expired-risks",
                "Accepted risks past their review date",
                (double) repo.expiredRisks(h, n),
                0,
                "above",
                true,
                now));
        out.addAll(signals.all(h));
        return out;
    }

    SignReading put(String name, String description, double value, double threshold, String direction, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !SIGNAL_NAME.matcher(name).matches()) {
            errors.add(new FieldError(
                    "name", "use 1-100 of a-z, 0-9, '.', '_', '-', starting " + "with a letter or digit"));
        } else if (List.of(
                        "hotfixes-per-week",
                        "repeat-share",
                        "overdue-postmortems",
                        "overdue-followups",
                        "expired-risks")
                .contains(name)) {
            errors.add(new FieldError("name", "'" + name + "' is computed from the log; choose " + "another name"));
        }
        if (!Double.isFinite(value)) {
            errors.add(new FieldError("value", "must be a finite number"));
        }
        if (!Double.isFinite(threshold)) {
            errors.add(new FieldError("threshold", "must be a finite number"));
        }
        if (!"above".equals(direction) && !"below".equals(direction)) {
            errors.add(new FieldError(
                    "direction", "must be above or below (which side of the " + "threshold is a breach)"));
        }
        if (description != null && description.length() > 500) {
            errors.add(new FieldError("description", "is longer than 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant at = now();
        String text = description == null ? null : redactor.redact(description).text();
        db.write(h -> {
            signals.replace(h, name, text, value, threshold, direction, at, actor);
            return null;
        });
        return new SignReading(name, text, value, threshold, direction, false, at);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
