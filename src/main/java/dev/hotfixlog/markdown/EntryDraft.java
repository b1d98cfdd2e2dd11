package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.ImportItem;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry while {@link EntryReader} reads it: the values found so far, where each stood, the section the
 * reading is in, and the lines kept verbatim. Lives for the reading of one entry, on one thread.
 */
final class EntryDraft {
    /** The index of the entry's heading line. */
    final int start;
    // Not Json.object(): that builds Json's mapper first, a tenth of a second on the reading's path; the
    // mapper is needed only for a details block.
    final ObjectNode fields = JsonNodeFactory.instance.objectNode();
    /** Per field the lines holding its value, {@code {from, to}}: the end moves on as a value continues. */
    final Map<String, int[]> spans = new HashMap<>();
    /** Lines of a template section the template has no place for, by section, in the order first met. */
    private final Map<String, List<String>> inSection = new LinkedHashMap<>();
    /** Sections of the entry's own, each whole, its {@code ####} heading first. */
    private final List<UnplacedText> ownSections = new ArrayList<>();
    /** The section of the entry's own being read, or null. */
    StringBuilder own;
    /** The template section being read ("" before the first heading); null inside a section of the entry's own. */
    String section = "";
    /** The text field a next line continues, or null. */
    String lastTextField;

    String title;
    LocalDate day;
    String pageDate;
    List<Revision> revisions = List.of();
    String followUpStatus;
    List<String> history;
    ArrayNode evidence;
    Status status;
    boolean exact;

    EntryDraft(int start, String title, Status status) {
        this.start = start;
        this.title = title;
        this.status = status;
        spans.put("title", new int[] {start, start + 1});
    }

    /** Keeps a line the template has no place for, under the section it stood in. */
    void keep(String inSectionNamed, String line) {
        inSection.computeIfAbsent(inSectionNamed, k -> new ArrayList<>()).add(line.stripTrailing());
    }

    /** Ends the section of the entry's own being read, if any. */
    void flushOwn() {
        if (own != null) {
            ownSections.add(new UnplacedText(null, own.toString().stripTrailing()));
        }
        own = null;
    }

    /** The entry read, its lines {@code [start, end)} of the page. */
    PageEntry finish(HotfixId id, boolean completed, int end) {
        flushOwn();
        List<UnplacedText> all = new ArrayList<>();
        inSection.forEach((k, v) -> all.add(new UnplacedText(k, String.join("\n", v))));
        if (day != null || pageDate != null) {
            all.add(new UnplacedText(UnplacedText.PAGE_DATE, day != null ? day.toString() : pageDate));
        }
        all.addAll(ownSections);
        String t = ValueText.isUnfilled(title) ? null : title.strip();
        if (fields.has("title")) {
            t = fields.get("title").asText(); // the details block's exact title
        }
        if (t != null) {
            fields.put("title", t);
        } else {
            fields.putNull("title");
        }
        return new PageEntry(
                new ImportItem(start + 1, id, fields, status, exact, day, false, revisions),
                followUpStatus,
                all,
                history,
                evidence,
                EntryLines.of(completed, start, end, spans));
    }
}
