package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.time.TimeText;
import java.util.List;

/**
 * The lines of an entry's template sections: a labelled line (its value continued on the next lines, or in a
 * code block under it), a follow-up box, a completed entry's one-line form, and lines the template has no place
 * for, kept verbatim under their section.
 */
final class EntryBodyLines {
    private static final Pattern ONE_LINE = Pattern.compile(
            "(?i)^[[:space:]]*(?:\\*\\*)?duration[[:space:]]*:?[[:space:]]*(?:\\*\\*)?[[:space:]]*:?[[:space:]]*(.*?)"
                    + "[[:space:]]*\\|[[:space:]]*(?:\\*\\*)?follow-?up[[:space:]]*:?[[:space:]]*(?:\\*\\*)?[[:space:]]*:?[[:space:]]*(.*?)"
                    + "[[:space:]]*\\|[[:space:]]*(?:\\*\\*)?learning[[:space:]]*:?[[:space:]]*"
                    + "(?:\\*\\*)?[[:space:]]*:?[[:space:]]?(.*)$");
    private static final Pattern DATED_TITLE =
            Pattern.compile("^(.*)[[:space:]]+[-–—][[:space:]]+(\\d{4}-\\d{2}-\\d{2})[[:space:]]*$");
    /** The fields the completed form's one line holds. */
    private static final List<String> ONE_LINE_FIELDS = List.of(
            "duration",
            "learning",
            "followUps.postmortem",
            "followUps.properFix",
            "followUps.processImprovement",
            "followUps.documentation");

    private final PageLines page;
    private final EntryFields values;

    EntryBodyLines(PageLines page, EntryFields values) {
        this.page = page;
        this.values = values;
    }

    /** The line at {@code i} (and the lines that belong to its value); returns the index after. */
    int read(EntryDraft entry, int i) {
        String line = page.lines[i];
        if (line.isBlank()) {
            entry.lastTextField = null;
            return i + 1;
        }
        Matcher one = line.indexOf('|') >= 0 ? ONE_LINE.matcher(line) : null;
        if (one != null && one.matches()) {
            return oneLine(entry, i, one);
        }
        Matcher box = line.indexOf('[') >= 0 ? LineShapes.CHECKBOX.matcher(line) : null;
        FollowUpKind ticked =
                box != null && box.matches() ? EntryFields.followUp(entry.fields, box.group(1), box.group(2)) : null;
        if (ticked != null) {
            entry.spans.put("followUps." + ticked.json(), new int[] {i, i + 1});
            entry.lastTextField = null;
            return i + 1;
        }
        LabelLine lm = LineShapes.labelMatch(line);
        Label label = lm == null ? null : Label.find(lm.name());
        if (label != null) {
            return labelled(entry, i, label, lm.rest());
        }
        if (entry.lastTextField != null && !LabelLine.isListItem(line) && LabelLine.bold(line) == null) {
            // A value continued on the next line, as a wrapped paragraph does.
            String before = entry.fields.path(entry.lastTextField).asText("");
            entry.fields.put(entry.lastTextField, before.isEmpty() ? line.strip() : before + "\n" + line.strip());
            entry.spans.get(entry.lastTextField)[1] = i + 1;
            return i + 1;
        }
        entry.keep(entry.section == null ? "" : entry.section, line);
        return i + 1;
    }

    /** A label's line, and the code block or the block under it that holds the rest of its value. */
    private int labelled(EntryDraft entry, int i, Label label, String rest) {
        String[] lines = page.lines;
        int[] span = {i, i + 1};
        entry.spans.put(label.field, span);
        if (rest.isBlank() && i + 1 < lines.length && ValueText.isFenceOpen(lines[i + 1])) {
            int end = page.fenceEnd(i + 1);
            values.setFenced(i, entry.fields, label, page.joined(i + 2, end));
            entry.lastTextField = null;
            span[1] = end + 1;
            return end + 1;
        }
        String inline = ValueText.inline(rest);
        values.setValue(i, entry.fields, label, inline);
        entry.lastTextField = EntryValues.isText(label) ? label.field : null;
        int next = i + 1;
        int end = EntryValues.isText(label) && inline != null ? LineShapes.blockEnd(lines, next) : next;
        if (end == next) {
            return next;
        }
        // A code block, an indented block or a list under the label line belongs to its value, kept as written:
        // "**Change Made:** Raised the pool size:" and the config under it.
        StringBuilder value = new StringBuilder(inline);
        for (int k = next; k < end; k++) {
            value.append('\n').append(lines[k]);
        }
        entry.fields.put(label.field, value.toString());
        entry.lastTextField = null;
        span[1] = end;
        return end;
    }

    /** A completed entry's one line: "**Duration:** … | **Follow-up:** … | **Learning:** …". */
    private int oneLine(EntryDraft entry, int i, Matcher one) {
        Matcher dated = DATED_TITLE.matcher(entry.title);
        if (dated.matches()) {
            entry.title = dated.group(1);
            try {
                // a day only: no detection time is made of it
                entry.day = TimeText.parseDate("Date", dated.group(2));
            } catch (ValidationException e) {
                page.error(entry.start, "'" + dated.group(2) + "' is not a date");
            }
        }
        values.setValue(i, entry.fields, Label.DURATION, ValueText.inline(one.group(1)));
        String fu = ValueText.inline(one.group(2));
        if (fu != null && asciiLetters(fu).equalsIgnoreCase("done")) {
            ObjectNode fus = EntryFields.child(entry.fields, "followUps");
            for (FollowUpKind k : FollowUpKind.values()) {
                EntryFields.child(fus, k.json()).put("done", true);
            }
        } else {
            entry.followUpStatus = fu;
        }
        values.setValue(i, entry.fields, Label.LEARNING, ValueText.inline(one.group(3)));
        for (String f : ONE_LINE_FIELDS) {
            entry.spans.put(f, new int[] {i, i + 1});
        }
        entry.lastTextField = null;
        return i + 1;
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
}
