package dev.hotfixlog.migrate;

import dev.hotfixlog.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The tools a log can move in from, by name, in the order {@code App} lists them (and errors name them). */
public final class MigrationTools {
    private final Map<String, MigrationTool> byName = new LinkedHashMap<>();
    private final Map<String, MigrationTool> byWord = new LinkedHashMap<>();

    public MigrationTools(List<MigrationTool> tools) {
        for (MigrationTool t : tools) {
            if (byName.put(t.name(), t) != null) {
                throw new IllegalArgumentException("two migration tools are named " + t.name());
            }
        }
        for (MigrationTool t : tools) {
            byWord.put(t.name(), t);
            t.aliases().forEach(a -> byWord.putIfAbsent(a, t));
        }
    }

    public List<MigrationTool> all() {
        return List.copyOf(byName.values());
    }

    /** The tool a person or a request named; anything else is a {@link ValidationException} on {@code field}. */
    public MigrationTool named(String field, String text) {
        MigrationTool t = byWord.get(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (t == null) {
            throw ValidationException.of(
                    field, "'" + text + "' is not a source; use one of " + String.join(", ", byName.keySet()));
        }
        return t;
    }

    /** The tool of this name, if the log knows it (a link may name a tool this build no longer has). */
    public Optional<MigrationTool> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** {@code a, b or c}: every tool's name. */
    public String choices() {
        List<String> l = new ArrayList<>(byName.keySet());
        return l.size() < 2
                ? String.join("", l)
                : String.join(", ", l.subList(0, l.size() - 1)) + " or " + l.get(l.size() - 1);
    }
}
