package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.RevisionJson;
import dev.hotfixlog.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The full form's sections the template does not have: a record's evidence links (for people) and its "Record
 * Details" JSON block, which holds exactly what the template has no label for, what its lines could not give
 * back ({@link LabelLineWriter}), and what the page keeps beyond the record. {@link DetailsBlockReader} reads it.
 */
final class DetailsBlockWriter {
    private DetailsBlockWriter() {}

    /** What the template has no label for, exactly: the times, the triage, the steps, follow-up details. */
    static ObjectNode details(Hotfix h, ObjectNode json, LogWriter.Beyond b) {
        ObjectNode d = Json.object();
        d.put("status", h.status().json());
        if (!LabelLineWriter.titleFits(h.title())) {
            d.put("title", h.title()); // the heading holds a one-line version; this is the exact one
        }
        // The Duration line shows the total a reader wants; the stored explicit duration (or none) is here.
        for (String f : List.of(
                "alertedAt",
                "fixDeployedAt",
                "resolvedAt",
                "alertsClearedAt",
                "duration",
                "triage",
                "steps",
                "confidence")) {
            d.set(f, json.get(f));
        }
        if (!h.redactions().isEmpty()) {
            // Where secrets were masked (never the secrets): part of the record, so a full export carries it.
            ArrayNode found = d.putArray("redactions");
            h.redactions()
                    .forEach(r -> found.addObject()
                            .put("field", r.field())
                            .put("kind", r.kind())
                            .put("at", r.at().toString()));
        }
        ObjectNode fus = d.putObject("followUps");
        json.get("followUps").fields().forEachRemaining(e -> {
            ObjectNode o = ((ObjectNode) e.getValue()).deepCopy();
            o.remove("done");
            JsonNode desc = o.remove("description");
            if (desc != null && !desc.isNull() && !LabelLineWriter.followUpFits(desc.asText())) {
                o.set("description", desc);
            }
            fus.set(e.getKey(), o);
        });
        if (b.followUpStatus() != null) {
            d.put("followUpStatus", b.followUpStatus());
        }
        for (UnplacedText e : b.extras()) {
            if (UnplacedText.PAGE_DATE.equals(e.section())) {
                e.text().lines().forEach(day -> d.put("pageDate", day));
            }
        }
        ArrayNode history = d.putArray("history");
        b.history().forEach(history::add);
        if (!b.revisions().isEmpty()) {
            ArrayNode revisions = d.putArray("revisions");
            b.revisions().forEach(r -> revisions.add(RevisionJson.write(r)));
        }
        return d;
    }

    /** The evidence section's link lines; the same list goes into {@code details} for the import. */
    static List<String> evidence(List<LogEvidence.Ref> evidence, ObjectNode details) {
        List<String> lines = new ArrayList<>();
        ArrayNode files = details.putArray("attachments");
        for (LogEvidence.Ref r : evidence) {
            lines.add("- ["
                    + ValueText.oneLine(r.fileName()).replace("[", "\\[").replace("]", "\\]") + "](" + r.file()
                    + ")" + (r.note() == null ? "" : " — " + ValueText.oneLine(r.note())));
            ObjectNode f = files.addObject();
            f.put("file", r.file());
            f.put("fileName", r.fileName());
            f.put("note", r.note());
            f.put("sha256", r.sha256());
            f.put("addedBy", r.addedBy());
            f.put("addedAt", r.addedAt().toString());
        }
        return lines;
    }
}
