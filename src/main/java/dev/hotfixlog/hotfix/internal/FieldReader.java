package dev.hotfixlog.hotfix.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.time.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads typed values out of a JSON tree and collects every type error instead of stopping at the first, so one
 * answer can name all the bad fields. Null, missing and blank strings all read as "no value".
 */
public final class FieldReader {
    private final List<FieldError> errors = new ArrayList<>();
    /** What {@code now} and {@code 10 min ago} are read against: the change's own time; null refuses them. */
    private final Instant now;

    public FieldReader() {
        this(null);
    }

    public FieldReader(Instant now) {
        this.now = now;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public void error(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    public String text(JsonNode obj, String name, String path) {
        JsonNode n = obj.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            error(path, "must be a string, was " + kind(n));
            return null;
        }
        String s = n.asText();
        return s.isBlank() ? null : s;
    }

    public Boolean bool(JsonNode obj, String name, String path) {
        JsonNode n = obj.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            error(path, "must be true or false, was " + kind(n));
            return null;
        }
        return n.booleanValue();
    }

    public Integer integer(JsonNode obj, String name, String path) {
        JsonNode n = obj.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            error(path, "must be a whole number, was " + kind(n));
            return null;
        }
        return n.intValue();
    }

    public Instant instant(JsonNode obj, String name, String path) {
        return parsed(obj, name, path, s -> TimeText.parseInstant(path, s, now));
    }

    public Duration duration(JsonNode obj, String name, String path) {
        return parsed(obj, name, path, s -> TimeText.parseDuration(path, s));
    }

    public <T> T parsed(JsonNode obj, String name, String path, Function<String, T> parser) {
        String s = text(obj, name, path);
        if (s == null) {
            return null;
        }
        try {
            return parser.apply(s);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    public List<String> strings(JsonNode obj, String name, String path) {
        JsonNode n = obj.get(name);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            error(path, "must be a list of strings, was " + kind(n));
            return out;
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            if (!item.isTextual()) {
                error(path + "[" + i + "]", "must be a string, was " + kind(item));
            } else {
                out.add(item.asText().trim());
            }
        }
        return out;
    }

    /** The object at {@code name}, or null when absent; a non-object is an error. */
    public JsonNode object(JsonNode obj, String name, String path) {
        JsonNode n = obj.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            error(path, "must be an object, was " + kind(n));
            return null;
        }
        return n;
    }

    public static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The team's own fields as given: texts, numbers, yes/no and lists of texts, by name (null: none). Whether a
     * name is a field and a value fits it is the log's to say ({@code CustomFields.checked}): it knows them.
     */
    public void teamFields(JsonNode node, Map<String, Object> out) {
        JsonNode fields = object(node, "fields", "fields");
        if (fields == null) {
            return;
        }
        fields.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            String path = "fields." + e.getKey();
            if (v.isTextual()) {
                out.put(e.getKey(), v.asText());
            } else if (v.isBoolean()) {
                out.put(e.getKey(), v.asBoolean());
            } else if (v.isNumber()) {
                out.put(e.getKey(), v.asDouble());
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(i -> {
                    if (i.isTextual()) {
                        items.add(i.asText());
                    } else {
                        error(path, "must list texts (the field's choices)");
                    }
                });
                out.put(e.getKey(), items);
            } else if (!v.isNull()) {
                error(path, "must be text, a number, true or false, or a list of choices");
            }
        });
    }
}
