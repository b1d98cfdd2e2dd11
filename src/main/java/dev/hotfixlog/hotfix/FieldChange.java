package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.JsonNode;

/** One field of one revision: its API path and its value before and after (JSON null where absent). */
public record FieldChange(String field, JsonNode before, JsonNode after) {
}
