package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** One field of one revision: its API path and its value before and after (JSON null where absent). */
public record FieldChange(String field, JsonNode before, JsonNode after) {
    /** Absent is JSON null: stored revisions leave a null value out. */
    public FieldChange {
        before = before == null ? NullNode.getInstance() : before;
        after = after == null ? NullNode.getInstance() : after;
    }
}
