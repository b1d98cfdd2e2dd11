package dev.hotfixlog.risk;

import java.time.Instant;

/** One change of a risk, kept: accepted, edited, mitigated, retired, reaccepted; {@code detail} says what. */
public record RiskEvent(Instant at, String actor, String action, String detail) {}
