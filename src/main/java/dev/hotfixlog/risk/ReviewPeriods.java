package dev.hotfixlog.risk;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.time.TimeText;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long a risk accepted on a hotfix of each severity stands before it must be reviewed
 * (HOTFIX_RISK_REVIEW, e.g. {@code critical=14d,high=30d,medium=90d}): the worse the emergency, the sooner the
 * corner it cut is looked at again. Every stated severity needs one.
 */
public record ReviewPeriods(Map<Severity, Duration> bySeverity) {
    private static final Pattern COMMA = Pattern.compile(",");
    private static final Pattern EQUALS = Pattern.compile("=");

    public ReviewPeriods {
        EnumMap<Severity, Duration> copy = new EnumMap<>(Severity.class);
        copy.putAll(bySeverity);
        bySeverity = Collections.unmodifiableMap(copy);
    }

    /**
     * The period of {@code severity}; a hotfix whose severity is not stated (an imported one) gets the shortest,
     * since nothing says its risk may wait longer.
     */
    public Duration of(Severity severity) {
        Duration d = bySeverity.get(severity);
        return d != null
                ? d
                : bySeverity.values().stream().min(Duration::compareTo).orElseThrow();
    }

    /** Reads {@code severity=amount} pairs; {@code setting} names the configuration key in every error. */
    public static ReviewPeriods parse(String setting, String text) {
        EnumMap<Severity, Duration> periods = new EnumMap<>(Severity.class);
        for (String pair : COMMA.split(text)) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = EQUALS.split(pair, 2);
            Severity s = Severity.parse(setting, kv[0].trim());
            if (kv.length != 2) {
                throw ValidationException.of(setting, "'" + pair.trim() + "' needs an amount like 14d");
            }
            Duration d = TimeText.parseDuration(setting, kv[1].trim());
            if (d.isZero() || d.isNegative()) {
                throw ValidationException.of(setting, "'" + pair.trim() + "' must be longer than nothing");
            }
            periods.put(s, d);
        }
        for (Severity s : Severity.stated()) {
            if (!periods.containsKey(s)) {
                throw ValidationException.of(setting, "has no review period for " + s.json());
            }
        }
        return new ReviewPeriods(periods);
    }
}
