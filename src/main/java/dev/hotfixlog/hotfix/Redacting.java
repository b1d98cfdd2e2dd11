package dev.hotfixlog.hotfix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hotfixlog.security.SecretRedactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Masks secrets in every text of an incoming create or edit before anything is validated, stored, diffed into
 * the history or echoed back: the secret never reaches the database.
 */
final class Redacting {
    private final SecretRedactor redactor;

    Redacting(SecretRedactor redactor) {
        this.redactor = redactor;
    }

    /** Masks {@code document} in place and returns where secrets were found. */
    List<Redaction> maskInPlace(ObjectNode document, Instant at) {
        List<Redaction> found = new ArrayList<>();
        walk(document, "", found, at);
        return found;
    }

    private void walk(JsonNode node, String path, List<Redaction> found, Instant at) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getValue().isTextual()) {
                    mask(e.getValue().asText(), p, found, at).ifPresent(e::setValue);
                } else {
                    walk(e.getValue(), p, found, at);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                String p = path + "[" + i + "]";
                if (a.get(i).isTextual()) {
                    int index = i;
                    mask(a.get(i).asText(), p, found, at).ifPresent(v -> a.set(index, v));
                } else {
                    walk(a.get(i), p, found, at);
                }
            }
        }
    }

    private java.util.Optional<TextNode> mask(String text, String path, List<Redaction> found, Instant at) {
        SecretRedactor.Result r = redactor.redact(text);
        if (!r.changed()) {
            return java.util.Optional.empty();
        }
        r.findings().forEach(f -> found.add(new Redaction(path, f.kind(), at)));
        return java.util.Optional.of(TextNode.valueOf(r.text()));
    }
}
