package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.RevisionJson;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.time.TimeText;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of one entry as {@link EntryReader} meets them: a label's value by its kind (a time, a duration, a
 * severity, a list, text), a follow-up box, a "Record Details" block and the revisions it carries. A value that
 * cannot be read is an error naming its line.
 */
final class EntryFields {
    private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[-–—:][[:space:]]*");
    private final List<FieldError> errors;

    EntryFields(List<FieldError> errors) {
        this.errors = errors;
    }

    private void error(int index, String message) {
        errors.add(new FieldError("line " + (index + 1), message));
    }

    /** A full export's revisions of one record; one that cannot be read is an error on the block's line. */
    List<Revision> revisions(int i, ArrayNode list) {
        List<Revision> out = new ArrayList<>();
        for (JsonNode n : list) {
            try {
                out.add(RevisionJson.read(n));
            } catch (RuntimeException e) {
                error(i, "a revision in the record details cannot be read: " + n);
                return List.of();
            }
        }
        return out;
    }

    JsonNode details(int i, String json) {
        try {
            return Json.parseObject(json);
        } catch (ValidationException e) {
            error(
                    i,
                    "the record details block is not valid JSON: "
                            + e.errors().get(0).message());
            return null;
        }
    }

    /** The details block holds what the template has no label for; follow-ups merge into their lines' values. */
    static void mergeDetails(ObjectNode fields, ObjectNode block) {
        block.fields().forEachRemaining(e -> {
            if (e.getKey().equals("status")
                    || e.getKey().equals("history")
                    || e.getKey().equals("pageDate")
                    || e.getKey().equals("revisions")
                    || e.getKey().equals("followUpStatus")
                    || e.getKey().equals("attachments")) {
                return;
            }
            if (e.getKey().equals("followUps") && e.getValue() instanceof ObjectNode fus) {
                ObjectNode mine = child(fields, "followUps");
                fus.fields().forEachRemaining(f -> {
                    if (f.getValue() instanceof ObjectNode o) {
                        child(mine, f.getKey()).setAll(o);
                    } else {
                        mine.set(f.getKey(), f.getValue());
                    }
                });
            } else {
                fields.set(e.getKey(), e.getValue());
            }
        });
    }

    static ObjectNode child(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode o ? o : parent.putObject(name);
    }

    /** A follow-up checkbox: its kind when it is one of the template's four (others stay as verbatim lines). */
    static FollowUpKind followUp(ObjectNode fields, String mark, String text) {
        String label;
        String rest;
        Matcher b = LineShapes.BOLD_START.matcher(text);
        boolean bold = b.matches();
        if (bold) {
            label = b.group(1);
            rest = b.group(2);
        } else {
            label = text;
            rest = "";
        }
        FollowUpKind kind = EntryValues.followUpKind(label);
        if (kind == null) {
            return null;
        }
        if (!bold) {
            rest = text.substring(
                    Math.min(text.length(), EntryValues.kindPrefix(text).length()));
        }
        String desc = LEADING_SEPARATOR.matcher(rest.strip()).replaceFirst("");
        ObjectNode fu = child(child(fields, "followUps"), kind.json());
        fu.put("done", !mark.isBlank());
        if (ValueText.isUnfilled(desc)) {
            fu.putNull("description");
        } else {
            fu.put("description", desc);
        }
        return kind;
    }

    void setFenced(int i, ObjectNode fields, Label label, String value) {
        if (label == Label.SYSTEMS) {
            ArrayNode list = fields.putArray(label.field);
            value.lines().filter(l -> !l.isBlank()).forEach(list::add);
            return;
        }
        if (EntryValues.isText(label)) {
            fields.put(label.field, value);
            return;
        }
        setValue(i, fields, label, ValueText.inline(value));
    }

    void setValue(int i, ObjectNode fields, Label label, String value) {
        if (value == null) {
            if (label == Label.SYSTEMS) {
                fields.putArray(label.field);
            } else {
                fields.putNull(label.field);
            }
            return;
        }
        try {
            switch (label.field) {
                case "detectedAt" ->
                    fields.put(
                            label.field,
                            TimeText.parseInstant(label.text, value).toString());
                case "duration" ->
                    fields.put(
                            label.field,
                            TimeText.parseDuration(label.text, value).toString());
                case "severity" -> {
                    String s = EntryValues.severity(value);
                    if ("unfilled".equals(s)) {
                        fields.putNull(label.field);
                        return;
                    }
                    if (s == null) {
                        throw ValidationException.of(
                                label.text,
                                "'" + value + "' is not a severity; write " + "🔴 Critical, 🟡 High or 🔵 Medium");
                    }
                    fields.put(label.field, s);
                }
                case "systemsAffected" -> {
                    ArrayNode list = fields.putArray(label.field);
                    ValueText.splitList(value).forEach(list::add);
                }
                default -> fields.put(label.field, value);
            }
        } catch (ValidationException e) {
            error(i, label.text + ": " + e.errors().get(0).message());
        }
    }
}
