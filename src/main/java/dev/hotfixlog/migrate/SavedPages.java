package dev.hotfixlog.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Pages saved from a tool's API: one JSON file, or a folder of them read in name order, each a page as the API
 * answers it (or just its list). The cursor is the next file's number.
 */
final class SavedPages implements Source {
    private final List<Path> files;
    private final String field;
    private final Function<ObjectNode, SourceDoc> doc;

    SavedPages(String from, String field, Function<ObjectNode, SourceDoc> doc) {
        Path p = Path.of(from);
        this.field = field;
        this.doc = doc;
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                files = s.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw ValidationException.of("from", p + " cannot be read: " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw ValidationException.of("from", p + " holds no .json pages");
            }
        } else if (Files.isRegularFile(p)) {
            files = List.of(p);
        } else {
            throw ValidationException.of("from", from + " is neither an http(s) address nor a saved page or folder");
        }
    }

    @Override
    public SourcePage page(String cursor) {
        int index = cursor == null ? 0 : Integer.parseInt(cursor);
        if (index >= files.size()) {
            return new SourcePage(List.of(), List.of(), null);
        }
        Path f = files.get(index);
        JsonNode page;
        try {
            if (Files.size(f) > Fetcher.MAX_BODY_BYTES) {
                throw ValidationException.of(
                        f.getFileName().toString(),
                        "is larger than " + (Fetcher.MAX_BODY_BYTES >> 20) + " MiB; save smaller pages");
            }
            page = Json.mapper().readTree(Files.readAllBytes(f));
        } catch (JsonProcessingException e) {
            throw ValidationException.of(
                    f.getFileName().toString(),
                    "is not JSON at line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": "
                            + e.getOriginalMessage());
        } catch (IOException e) {
            throw ValidationException.of(f.getFileName().toString(), "cannot be read: " + e.getMessage());
        }
        JsonNode list = page != null && page.isArray() ? page : page == null ? null : page.get(field);
        if (list == null || !list.isArray()) {
            throw ValidationException.of(f.getFileName().toString(), "has no \"" + field + "\" list");
        }
        List<SourceDoc> docs = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int n = 0;
        for (JsonNode item : list) {
            n++;
            String id = SourceKeys.of(item);
            String refused = id == null ? null : SourceKeys.refusal(id);
            if (refused != null) {
                skipped.add(new Skipped(SourceKeys.shown(id), refused));
            } else if (item instanceof ObjectNode o && id != null) {
                if (!o.path("id").isTextual()) {
                    o.put("id", o.get("id").asText());
                }
                docs.add(doc.apply(o));
            } else {
                skipped.add(new Skipped(f.getFileName() + " item " + n, "has no id"));
            }
        }
        return new SourcePage(docs, skipped, index + 1 < files.size() ? String.valueOf(index + 1) : null);
    }
}
