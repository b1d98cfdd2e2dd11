package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.ImportItem;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.time.TimeText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of a page, from its heading to the next heading or rule: its labelled lines, its follow-up boxes, its
 * one-line form, its "Record Details" block, and the lines the template has no place for (kept verbatim), with
 * where each of its fields stood ({@link EntryLines}). {@link LogReader} reads the page around it; the values
 * themselves are set by {@link EntryFields}. Errors name their lines.
 */
final class EntryReader {
    private static final Pattern H4 = Pattern.compile("^####[[:space:]]+(.*?)[[:space:]]*#*[[:space:]]*$");
    static final Pattern ENTRY =
            Pattern.compile("^###[[:space:]]+[^\\[]*\\[([^\\]]*)\\][[:space:]]*(.*?)[[:space:]]*$");
    private static final Pattern ONE_LINE = Pattern.compile(
            "(?i)^[[:space:]]*(?:\\*\\*)?duration[[:space:]]*:?[[:space:]]*(?:\\*\\*)?[[:space:]]*:?[[:space:]]*(.*?)"
                    + "[[:space:]]*\\|[[:space:]]*(?:\\*\\*)?follow-?up[[:space:]]*:?[[:space:]]*(?:\\*\\*)?[[:space:]]*:?[[:space:]]*(.*?)"
                    + "[[:space:]]*\\|[[:space:]]*(?:\\*\\*)?learning[[:space:]]*:?[[:space:]]*"
                    + "(?:\\*\\*)?[[:space:]]*:?[[:space:]]?(.*)$");
    private static final Pattern DATED_TITLE =
            Pattern.compile("^(.*)[[:space:]]+[-–—][[:space:]]+(\\d{4}-\\d{2}-\\d{2})[[:space:]]*$");
    private static final List<String> KNOWN_SECTIONS =
            List.of("The Emergency", "The Fix", "The Context", "Follow-up Required", "Legible Fix");
    private static final Pattern NUMBERED_ID = Pattern.compile("(?i)HOTFIX-\\d+");
    private static final Pattern NEW_ID = Pattern.compile("(?i)HOTFIX-[X?]*|");
    private static final Pattern NOT_HEADING_TEXT = Pattern.compile("[^\\p{L}\\p{N} -]");
    /** The fields the completed form's one line holds. */
    private static final List<String> ONE_LINE_FIELDS = List.of(
            "duration",
            "learning",
            "followUps.postmortem",
            "followUps.properFix",
            "followUps.processImprovement",
            "followUps.documentation");

    private final String[] lines;
    private final List<PageEntry> entries;
    private final List<FieldError> errors;
    private final EntryFields values;

    /** Reads {@code lines}, adding each entry read to {@code entries} and each error to {@code errors}. */
    EntryReader(String[] lines, List<PageEntry> entries, List<FieldError> errors) {
        this.lines = lines;
        this.entries = entries;
        this.errors = errors;
        this.values = new EntryFields(errors);
    }

    private void error(int index, String message) {
        errors.add(new FieldError("line " + (index + 1), message));
    }

    /** One entry, from its heading to the next heading or rule; returns the index after it. */
    int read(int start, boolean completed) {
        Matcher head = ENTRY.matcher(lines[start]);
        head.matches();
        int errorsBefore = errors.size();
        HotfixId id = null;
        String idText = head.group(1).strip();
        if (NUMBERED_ID.matcher(idText).matches()) {
            try {
                id = HotfixId.parse(idText);
            } catch (ValidationException e) {
                error(
                        start,
                        "'" + idText + "' is not a hotfix id: "
                                + e.errors().get(0).message());
            }
        } else if (!NEW_ID.matcher(idText).matches()) {
            error(
                    start,
                    "'" + idText + "' is not a hotfix id; write HOTFIX- and a number, or HOTFIX-XXX for a "
                            + "new one");
        }
        // Not Json.object(): that builds Json's mapper first, a tenth of a second on the reading's path; the
        // mapper is needed only for a details block.
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        Map<String, int[]> spans = new java.util.HashMap<>();
        spans.put("title", new int[] {start, start + 1});
        String title = head.group(2);
        Map<String, List<String>> inSection = new LinkedHashMap<>();
        List<Extra> extras = new ArrayList<>();
        StringBuilder own = null;
        String section = "";
        String lastTextField = null;
        LocalDate day = null;
        String pageDate = null;
        List<Revision> revisions = List.of();
        String followUpStatus = null;
        List<String> history = null;
        ArrayNode evidence = null;
        Status status = completed ? Status.COMPLETED : null;
        boolean exact = false;
        int i = start + 1;
        while (i < lines.length) {
            String line = lines[i];
            if (line.startsWith("# ") || (line.startsWith("##") && !line.startsWith("####"))) {
                break;
            }
            if (LineShapes.isRule(line)) {
                i++;
                break;
            }
            Matcher m = line.startsWith("####") ? H4.matcher(line) : null;
            if (m != null && m.matches()) {
                own = flushOwn(own, extras);
                lastTextField = null;
                String known = knownSection(m.group(1));
                if (known == null) {
                    own = new StringBuilder(line.stripTrailing());
                    section = null;
                } else {
                    section = known;
                }
                i++;
                continue;
            }
            if (own != null) {
                int end = Values.isFenceOpen(line) ? fenceEnd(i) : i; // lines.length when never closed
                for (int k = i; k <= end && k < lines.length; k++) {
                    own.append('\n').append(lines[k].stripTrailing());
                }
                i = end + 1;
                continue;
            }
            if (LogReader.EVIDENCE.equals(section)) {
                i++; // the links are written from the details block's list, which is what is read back
                continue;
            }
            if (LogReader.DETAILS.equals(section)) {
                if (Values.isFenceOpen(line)) {
                    int end = fenceEnd(i);
                    JsonNode block = values.details(
                            i,
                            String.join(
                                    "\n", java.util.Arrays.asList(lines).subList(i + 1, Math.min(end, lines.length))));
                    if (block != null) {
                        JsonNode st = block.get("status");
                        if (st != null && st.isTextual()) {
                            try {
                                status = Status.parse("status", st.asText());
                                exact = true;
                            } catch (ValidationException e) {
                                error(i, "status: " + e.errors().get(0).message());
                            }
                        }
                        if (block.path("pageDate").isTextual()) {
                            pageDate = block.get("pageDate").asText();
                        }
                        if (block.get("followUpStatus") != null
                                && block.get("followUpStatus").isTextual()) {
                            followUpStatus = block.get("followUpStatus").asText();
                        }
                        if (block.get("attachments") instanceof ArrayNode a) {
                            evidence = a;
                        }
                        if (block.get("revisions") instanceof ArrayNode a) {
                            revisions = values.revisions(i, a);
                        }
                        if (block.get("history") instanceof ArrayNode a) {
                            history = new ArrayList<>();
                            for (JsonNode n : a) {
                                history.add(n.asText());
                            }
                        }
                        EntryFields.mergeDetails(fields, (ObjectNode) block);
                    }
                    i = end + 1;
                } else {
                    if (!line.isBlank()) {
                        inSection
                                .computeIfAbsent(LogReader.DETAILS, k -> new ArrayList<>())
                                .add(line.stripTrailing());
                    }
                    i++;
                }
                continue;
            }
            if (line.isBlank()) {
                lastTextField = null;
                i++;
                continue;
            }
            Matcher one = line.indexOf('|') >= 0 ? ONE_LINE.matcher(line) : null;
            if (one != null && one.matches()) {
                Matcher dated = DATED_TITLE.matcher(title);
                if (dated.matches()) {
                    title = dated.group(1);
                    try {
                        // a day only: no detection time is made of it
                        day = TimeText.parseDate("Date", dated.group(2));
                    } catch (ValidationException e) {
                        error(start, "'" + dated.group(2) + "' is not a date");
                    }
                }
                values.setValue(i, fields, Label.DURATION, Values.inline(one.group(1)));
                String fu = Values.inline(one.group(2));
                if (fu != null && asciiLetters(fu).equalsIgnoreCase("done")) {
                    ObjectNode fus = EntryFields.child(fields, "followUps");
                    for (FollowUpKind k : FollowUpKind.values()) {
                        EntryFields.child(fus, k.json()).put("done", true);
                    }
                } else {
                    followUpStatus = fu;
                }
                values.setValue(i, fields, Label.LEARNING, Values.inline(one.group(3)));
                for (String f : ONE_LINE_FIELDS) {
                    spans.put(f, new int[] {i, i + 1});
                }
                lastTextField = null;
                i++;
                continue;
            }
            Matcher box = line.indexOf('[') >= 0 ? LineShapes.CHECKBOX.matcher(line) : null;
            FollowUpKind ticked =
                    box != null && box.matches() ? values.followUp(fields, box.group(1), box.group(2)) : null;
            if (ticked != null) {
                spans.put("followUps." + ticked.json(), new int[] {i, i + 1});
                lastTextField = null;
                i++;
                continue;
            }
            LabelLine lm = LineShapes.labelMatch(line);
            Label label = lm == null ? null : Label.find(lm.name());
            if (label != null) {
                int[] span = {i, i + 1};
                spans.put(label.field, span);
                String rest = lm.rest();
                if (rest.isBlank() && i + 1 < lines.length && Values.isFenceOpen(lines[i + 1])) {
                    int end = fenceEnd(i + 1);
                    String value = String.join(
                            "\n", java.util.Arrays.asList(lines).subList(i + 2, Math.min(end, lines.length)));
                    values.setFenced(i, fields, label, value);
                    lastTextField = null;
                    i = end + 1;
                    span[1] = i;
                } else {
                    String inline = Values.inline(rest);
                    values.setValue(i, fields, label, inline);
                    lastTextField = EntryValues.isText(label) ? label.field : null;
                    i++;
                    int end = EntryValues.isText(label) && inline != null ? LineShapes.blockEnd(lines, i) : i;
                    if (end > i) {
                        // A code block, an indented block or a list under the label line belongs to its value,
                        // kept as written: "**Change Made:** Raised the pool size:" and the config under it.
                        StringBuilder value = new StringBuilder(inline);
                        for (int k = i; k < end; k++) {
                            value.append('\n').append(lines[k]);
                        }
                        fields.put(label.field, value.toString());
                        lastTextField = null;
                        i = end;
                        span[1] = i;
                    }
                }
                continue;
            }
            if (lastTextField != null && !LabelLine.isListItem(line) && LabelLine.bold(line) == null) {
                // A value continued on the next line, as a wrapped paragraph does.
                String before = fields.path(lastTextField).asText("");
                fields.put(lastTextField, before.isEmpty() ? line.strip() : before + "\n" + line.strip());
                i++;
                spans.get(lastTextField)[1] = i;
                continue;
            }
            inSection
                    .computeIfAbsent(section == null ? "" : section, k -> new ArrayList<>())
                    .add(line.stripTrailing());
            i++;
        }
        flushOwn(own, extras);
        List<Extra> all = new ArrayList<>();
        inSection.forEach((k, v) -> all.add(new Extra(k, String.join("\n", v))));
        if (day != null || pageDate != null) {
            all.add(new Extra(Extra.PAGE_DATE, day != null ? day.toString() : pageDate));
        }
        all.addAll(extras);
        String t = Values.isUnfilled(title) ? null : title.strip();
        if (fields.has("title")) {
            t = fields.get("title").asText(); // the details block's exact title
        }
        if (t != null) {
            fields.put("title", t);
        } else {
            fields.putNull("title");
        }
        if (errors.size() == errorsBefore) {
            entries.add(new PageEntry(
                    new ImportItem(start + 1, id, fields, status, exact, day, false, revisions),
                    followUpStatus,
                    all,
                    history,
                    evidence,
                    EntryLines.of(completed, start, i, spans)));
        }
        return i;
    }

    private static StringBuilder flushOwn(StringBuilder own, List<Extra> extras) {
        if (own != null) {
            extras.add(new Extra(null, own.toString().stripTrailing()));
        }
        return null;
    }

    private static String knownSection(String heading) {
        String h = (isPlainHeading(heading)
                        ? heading
                        : NOT_HEADING_TEXT.matcher(heading).replaceAll(""))
                .strip();
        for (String k : KNOWN_SECTIONS) {
            if (h.equalsIgnoreCase(k)) {
                return k;
            }
        }
        if (h.regionMatches(true, 0, LogReader.EVIDENCE, 0, LogReader.EVIDENCE.length())
                && h.toLowerCase(Locale.ROOT).contains("not in the template")) {
            return LogReader.EVIDENCE;
        }
        return h.regionMatches(true, 0, LogReader.DETAILS, 0, LogReader.DETAILS.length()) ? LogReader.DETAILS : null;
    }

    /** The ASCII letters of {@code text}, nothing else: "Done.", "[done]" and "DONE!" all read "done". */
    private static String asciiLetters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True when {@link #NOT_HEADING_TEXT} would remove nothing (the usual heading): letters, digits, space, -. */
    private static boolean isPlainHeading(String heading) {
        for (int k = 0; k < heading.length(); k++) {
            char c = heading.charAt(k);
            if (c != ' ' && c != '-' && !(c < 128 && Character.isLetterOrDigit(c))) {
                return false;
            }
        }
        return true;
    }

    /** The index of the line that closes the fence opened at {@code open} (or the last line, unclosed). */
    int fenceEnd(int open) {
        String fence = Values.fenceMarks(lines[open].strip());
        for (int k = open + 1; k < lines.length; k++) {
            if (Values.closes(lines[k], fence)) {
                return k;
            }
        }
        error(open, "this code block is never closed (a line of " + fence + " is missing)");
        return lines.length;
    }
}
