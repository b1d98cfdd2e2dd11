package dev.hotfixlog.hotfix;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.text.Split;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How long after resolution each follow-up falls due. The seed fixes one of them ("Schedule post-mortem within
 * 48 hours"); the others are the team's call, so every kind can be configured, e.g.
 * {@code postmortem=48h,properFix=14d,processImprovement=30d,documentation=14d}. A kind left out gets no due time.
 */
public record FollowUpDue(Map<FollowUpKind, Duration> afterResolution) {
    /** The seed: "Schedule post-mortem within 48 hours" of resolution. */
    public static final Duration POSTMORTEM_DUE_AFTER_RESOLUTION = Duration.ofHours(48);

    public static final FollowUpDue SEED =
            new FollowUpDue(Map.of(FollowUpKind.POSTMORTEM, POSTMORTEM_DUE_AFTER_RESOLUTION));
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,6})\\s*([mhd])");

    public FollowUpDue {
        EnumMap<FollowUpKind, Duration> copy = new EnumMap<>(FollowUpKind.class);
        copy.putAll(afterResolution);
        afterResolution = Collections.unmodifiableMap(copy);
    }

    /** Reads {@code kind=amount} pairs; {@code setting} names the configuration key in every error. */
    public static FollowUpDue parse(String setting, String text) {
        EnumMap<FollowUpKind, Duration> due = new EnumMap<>(FollowUpKind.class);
        for (String pair : Split.on(text, ",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = Split.on(pair, "=", 2);
            FollowUpKind kind = FollowUpKind.fromJson(kv[0].trim())
                    .orElseThrow(() -> ValidationException.of(
                            setting,
                            "unknown follow-up '" + kv[0].trim() + "'; known: postmortem, properFix, "
                                    + "processImprovement, documentation"));
            Matcher m = kv.length == 2 ? AMOUNT.matcher(kv[1].trim().toLowerCase(Locale.ROOT)) : null;
            if (m == null || !m.matches()) {
                throw ValidationException.of(setting, "'" + pair.trim() + "' needs an amount like 48h, 14d or 90m");
            }
            long n = Long.parseLong(m.group(1));
            due.put(
                    kind,
                    switch (m.group(2)) {
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
        }
        return new FollowUpDue(due);
    }
}
