package dev.hotfixlog.metrics;

import dev.hotfixlog.hotfix.ResponseTargets;

/** The seed's targets, and the windows this tool chose where the seed names none (README, "Metrics"). */
final class Targets {
    static final long DETECTION_TO_ALERT_SECONDS = ResponseTargets.DETECTION_TO_ALERT.toSeconds();
    static final long ALERT_TO_FIX_SECONDS = ResponseTargets.ALERT_TO_FIX.toSeconds();
    static final long TOTAL_SECONDS = ResponseTargets.TOTAL.toSeconds();
    static final long POSTMORTEM_WITHIN_MILLIS = 48L * 3600 * 1000;
    static final int REPEAT_WINDOW_DAYS = 90;
    static final long REPEAT_WINDOW_MILLIS = REPEAT_WINDOW_DAYS * 86_400_000L;
    static final double REPEAT_SHARE_TARGET = 0.10;

    private Targets() {}
}
