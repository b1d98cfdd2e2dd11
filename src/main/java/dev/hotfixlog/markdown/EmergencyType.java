package dev.hotfixlog.markdown;

/** A "Common Emergency Types" row of the seed: a kind of emergency and how to prevent it. */
public record EmergencyType(String name, String prevention) {}
