package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record of the source as it was read: its id there, the whole document (the record with what was fetched
 * for it: log entries, notes, history), kept as evidence on the hotfix, and its address in the source when the
 * source gives one.
 */
public record SourceDoc(String key, ObjectNode doc, String url) {
    public SourceDoc {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a source document needs its id");
        }
    }
}
