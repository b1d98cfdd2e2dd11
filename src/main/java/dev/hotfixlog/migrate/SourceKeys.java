package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What may name a record (or a person, a team) of a source: its id as text, at most {@link #MAX_CHARS} long (the
 * {@code migration_link.source_key} column), with no control character. A source's record whose id is anything
 * else is skipped with the reason, never fetched by it and never stored: one bad record does not stop a run.
 */
final class SourceKeys {
    static final int MAX_CHARS = 200;
    /** How much of a refused id a report shows. */
    static final int SHOWN_CHARS = 40;

    private SourceKeys() {}

    /** Why {@code id} cannot name a record, or null when it can. */
    static String refusal(String id) {
        if (id == null || id.isBlank()) {
            return "has no id";
        }
        if (id.length() > MAX_CHARS) {
            return "its id is " + id.length() + " characters long; an id of at most " + MAX_CHARS + " is taken";
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                return "its id holds a control character (U+" + String.format("%04X", (int) id.charAt(i)) + ")";
            }
        }
        return null;
    }

    /** The id of a JSON record as text (a number's too), or null when it has none. */
    static String of(JsonNode record) {
        JsonNode id = record == null ? null : record.get("id");
        return id != null && (id.isTextual() || id.isIntegralNumber()) ? id.asText() : null;
    }

    /** An id as a report may show it: its beginning, and its length when it is cut. */
    static String shown(String id) {
        if (id == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder();
        int n = Math.min(id.length(), SHOWN_CHARS);
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return id.length() > SHOWN_CHARS ? b + "… (" + id.length() + " characters)" : b.toString();
    }
}
