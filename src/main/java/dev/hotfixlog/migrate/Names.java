package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The names of a source's people or teams, by the ids its records carry, each looked up once a run (however many
 * records name it, and from however many threads). An id whose lookup fails (gone, not readable with the key) is
 * remembered as failed: its records keep the id, and the mapping says so.
 */
final class Names {
    private final ConcurrentHashMap<String, CompletableFuture<Optional<String>>> known = new ConcurrentHashMap<>();
    private final Function<String, String> lookup;

    /** {@code lookup}: the name of an id, or null when the source has none; it may throw when the lookup fails. */
    Names(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** The name of {@code id}, or null when it could not be looked up. */
    String of(String id) {
        CompletableFuture<Optional<String>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<String>> earlier = known.putIfAbsent(id, mine);
        if (earlier != null) {
            return earlier.join().orElse(null);
        }
        Optional<String> name = Optional.empty();
        try {
            name = SourceKeys.refusal(id) == null ? Optional.ofNullable(lookup.apply(id)) : Optional.empty();
        } catch (RuntimeException e) {
            // a failed lookup: the id stands, and the record's mapping notes it
        } finally {
            mine.complete(name);
        }
        return name.orElse(null);
    }

    /** The ids with their names, as a record's document keeps them: {@code {"id": "name"}}, null when it failed. */
    ObjectNode all(Collection<String> ids) {
        ObjectNode out = Json.object();
        for (String id : ids) {
            if (id != null && !out.has(id)) {
                String name = of(id);
                if (name == null) {
                    out.putNull(id);
                } else {
                    out.put(id, name);
                }
            }
        }
        return out;
    }
}
