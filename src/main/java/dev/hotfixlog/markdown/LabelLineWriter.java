package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.text.Split;
import java.time.Duration;
import java.util.List;

/**
 * A record's values as the template's lines hold them: a label's line (its value inline, in place over several
 * lines, or in a fence), the heading's title, a follow-up box's description. What a line cannot give back
 * exactly goes to the details block ({@link DetailsBlockWriter}), which asks here what fits.
 */
final class LabelLineWriter {
    private LabelLineWriter() {}

    static String labelLine(Label l, Hotfix h, ObjectNode json) {
        String head = "**" + l.text + ":**";
        switch (l.field) {
            case "detectedAt":
                return head + " "
                        + (h.timeline().detectedAt() == null
                                ? l.placeholder
                                : ValueText.time(h.timeline().detectedAt()));
            case "severity":
                // Not stated: the template's unfilled choices, which read back as no severity.
                return head + " "
                        + (h.severity().isStated()
                                ? h.severity().emoji() + " " + h.severity().label()
                                : l.placeholder);
            case "duration": {
                Duration d = h.timeline().explicitDuration() != null
                        ? h.timeline().explicitDuration()
                        : h.timeline().total();
                return head + " " + (d == null ? l.placeholder : ValueText.duration(d));
            }
            case "systemsAffected": {
                List<String> items = h.systemsAffected();
                if (items.isEmpty()) {
                    return head + " " + l.placeholder;
                }
                if (ValueText.listFitsInline(items)) {
                    return head + " " + String.join(", ", items);
                }
                return fenced(head, String.join("\n", items));
            }
            default: {
                JsonNode v = json.get(l.field);
                String text = v == null || v.isNull() ? null : v.asText();
                if (text == null) {
                    return head + " " + l.placeholder;
                }
                if (ValueText.fitsInline(text)) {
                    return head + " " + text;
                }
                return inPlace(text) ? head + " " + text : fenced(head, text);
            }
        }
    }

    /**
     * True when a value of several lines can be written as people write it: its first line on the label line,
     * the rest (a code block, an indented block, a list) under it, and reads back the same.
     */
    private static boolean inPlace(String value) {
        int nl = value.indexOf('\n');
        if (nl <= 0 || !ValueText.fitsInline(value.substring(0, nl)) || value.indexOf('\r') >= 0) {
            return false;
        }
        String[] rest = Split.on(value.substring(nl + 1), "\n", -1);
        return !rest[rest.length - 1].isBlank() && LineShapes.blockEnd(rest, 0) == rest.length;
    }

    private static String fenced(String head, String value) {
        String fence = ValueText.fence(value);
        return head + "\n" + fence + "text\n" + value + "\n" + fence;
    }

    /** A title fits the heading when it reads back the same: one line, not the template's placeholder. */
    static boolean titleFits(String title) {
        return title.indexOf('\n') < 0
                && title.indexOf('\r') < 0
                && title.equals(title.strip())
                && !ValueText.isUnfilled(title);
    }

    static String headingTitle(String title) {
        return titleFits(title) ? title : ValueText.oneLine(title);
    }

    /** A description the checkbox line gives back unchanged; any other goes to the details block. */
    static boolean followUpFits(String desc) {
        return ValueText.fitsInline(desc) && "-–—:".indexOf(desc.charAt(0)) < 0;
    }
}
