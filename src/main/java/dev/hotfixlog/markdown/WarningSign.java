package dev.hotfixlog.markdown;

/** A "Warning Signs" row of the seed: a metric or behaviour and the threshold at which to act. */
public record WarningSign(String signal, String threshold) {}
