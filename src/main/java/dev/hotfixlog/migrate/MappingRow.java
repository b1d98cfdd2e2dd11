package dev.hotfixlog.migrate;

/** One line of a tool's mapping table: our field, and what of the tool fills it. */
public record MappingRow(String field, String from) {}
