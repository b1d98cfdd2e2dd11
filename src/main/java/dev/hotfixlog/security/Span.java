package dev.hotfixlog.security;

/** Characters {@code [start, end)} of a text that hold a secret of {@code kind}. */
record Span(int start, int end, String kind) {}
