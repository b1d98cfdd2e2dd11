package dev.hotfixlog.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one JSON configuration: strict on input (trailing garbage and duplicate keys are errors, not guesses),
 * plain on output. The mapper is configured once and never changed, so sharing it is safe.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * A request body's optional string field: its text, or null when absent or null; any other type adds an error
     * naming the field (so one pass reports every bad field).
     */
    public static String text(JsonNode o, String name, List<FieldError> errors) {
        JsonNode n = o.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            errors.add(new FieldError(name, "must be a string"));
            return null;
        }
        return n.asText();
    }

    /** Parses a request body that must be one JSON object; a bad body is a {@code body} field error. */
    public static ObjectNode parseObject(String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of("body", "is empty; expected a JSON object");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw ValidationException.of("body", "is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode obj)) {
            throw ValidationException.of(
                    "body",
                    "must be a JSON object, was " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        refuseNul(obj);
        return obj;
    }

    /**
     * No text may hold U+0000: PostgreSQL cannot store it, and SQLite would store what PostgreSQL refuses. Checked
     * here, where every JSON body is read, naming each field; iterative, so nesting costs no stack.
     */
    private static void refuseNul(ObjectNode root) {
        List<FieldError> errors = new ArrayList<>();
        Deque<Map.Entry<String, JsonNode>> todo = new ArrayDeque<>();
        todo.push(Map.entry("", root));
        while (!todo.isEmpty()) {
            var next = todo.pop();
            JsonNode n = next.getValue();
            String path = next.getKey();
            if (n.isTextual() && n.textValue().indexOf('\u0000') >= 0) {
                errors.add(new FieldError(path, "holds a NUL character (\\u0000)"));
            } else if (n.isObject()) {
                n.properties()
                        .forEach(e -> todo.push(
                                Map.entry(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue())));
            } else if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    todo.push(Map.entry(path + "[" + i + "]", n.get(i)));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new ValidationException(errors);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
