package dev.hotfixlog.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an archive holds: the schema version, and per table its row count and the SHA-256 of its rows in their
 * canonical form (columns by name, portable values, rows in key order). Two logs with equal manifests hold the
 * same data, whichever database each is on.
 */
public record Manifest(int schemaVersion, Map<String, TableSum> tables) {
    public Manifest {
        tables = Map.copyOf(new TreeMap<>(tables));
    }

    /** One table's row count and content hash. */
    public record TableSum(long rows, String sha256) {}

    public long rows() {
        return tables.values().stream().mapToLong(TableSum::rows).sum();
    }

    ObjectNode json() {
        ObjectNode o = Json.object();
        o.put("schemaVersion", schemaVersion);
        ObjectNode t = o.putObject("tables");
        new TreeMap<>(tables)
                .forEach(
                        (name, sum) -> t.putObject(name).put("rows", sum.rows()).put("sha256", sum.sha256()));
        return o;
    }

    static Manifest read(JsonNode o) {
        Map<String, TableSum> tables = new TreeMap<>();
        o.path("tables")
                .fields()
                .forEachRemaining(e -> tables.put(
                        e.getKey(),
                        new TableSum(
                                e.getValue().path("rows").asLong(),
                                e.getValue().path("sha256").asText())));
        return new Manifest(o.path("schemaVersion").asInt(), tables);
    }
}
