package dev.hotfixlog.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.SecretRedactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The API's JSON of an attachment, written by the server and read back by {@link AttachmentApiClient}. */
final class AttachmentJson {
    private AttachmentJson() {}

    static ObjectNode write(Attachment a) {
        ObjectNode o = Json.object();
        o.put("id", a.id());
        o.put("owner", a.owner().id());
        o.put("ownerKind", a.owner().kind().json());
        o.put("fileName", a.fileName());
        o.put("note", a.note());
        o.put("type", a.type().json());
        o.put("contentType", a.type().servedAs());
        o.put("size", a.size());
        o.put("sha256", a.sha256());
        o.put("preview", a.preview());
        o.put("addedBy", a.addedBy());
        o.put("addedAt", a.addedAt().toString());
        o.put("deletedAt", a.deletedAt() == null ? null : a.deletedAt().toString());
        o.put("deletedBy", a.deletedBy());
        o.put("deleteReason", a.deleteReason());
        o.put("content", a.deleted() ? null : "/api/v1/attachments/" + a.id() + "/content");
        return o;
    }

    static ObjectNode writeList(List<Attachment> list) {
        ObjectNode o = Json.object();
        ArrayNode items = o.putArray("items");
        list.forEach(a -> items.add(write(a)));
        return o;
    }

    static Attachment read(JsonNode o) {
        Owner.Kind kind =
                Owner.Kind.valueOf(o.path("ownerKind").asText("hotfix").toUpperCase(Locale.ROOT));
        return new Attachment(
                o.path("id").asLong(),
                new Owner(kind, o.path("owner").asText()),
                o.path("fileName").asText(),
                text(o, "note"),
                FileType.parse(o.path("type").asText()),
                o.path("size").asLong(),
                o.path("sha256").asText(),
                text(o, "preview"),
                o.path("addedBy").asText(),
                Instant.parse(o.path("addedAt").asText()),
                time(o, "deletedAt"),
                text(o, "deletedBy"),
                text(o, "deleteReason"));
    }

    static List<Attachment> readList(JsonNode o) {
        List<Attachment> out = new ArrayList<>();
        o.path("items").forEach(i -> out.add(read(i)));
        return out;
    }

    /** An attachment's id in a path: a number; anything else is a page that does not exist. */
    static long parseId(String text) {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the 404
        }
        throw new NotFoundException("no attachment " + SecretRedactor.quoted(text) + "; attachment ids are numbers");
    }

    private static String text(JsonNode o, String name) {
        JsonNode v = o.path(name);
        return v.isTextual() ? v.asText() : null;
    }

    private static Instant time(JsonNode o, String name) {
        String t = text(o, name);
        return t == null ? null : Instant.parse(t);
    }
}
