package dev.hotfixlog.markdown;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of a page, from its heading to the next heading or rule: its labelled lines, its follow-up boxes, its
 * one-line form, its "Record Details" block, and the lines the template has no place for (kept verbatim), with
 * where each of its fields stood ({@link EntryLines}). {@link LogReader} reads the page around it.
 *
 * <p>Each {@code ####} heading's label says who reads the lines under it ({@link #bySection}): the template's
 * sections go to {@link EntryBodyLines} (labelled lines, boxes, the one-line form), "Record Details" to
 * {@link DetailsBlockReader}, and a section of the entry's own is kept whole. The values themselves are set by
 * {@link EntryFields}. Errors name their lines.
 */
final class EntryReader {
    private static final Pattern H4 = Pattern.compile("^####[[:space:]]+(.*?)[[:space:]]*#*[[:space:]]*$");
    static final Pattern ENTRY =
            Pattern.compile("^###[[:space:]]+[^\\[]*\\[([^\\]]*)\\][[:space:]]*(.*?)[[:space:]]*$");
    private static final List<String> KNOWN_SECTIONS =
            List.of("The Emergency", "The Fix", "The Context", "Follow-up Required", "Legible Fix");
    private static final Pattern NUMBERED_ID = Pattern.compile("(?i)HOTFIX-\\d+");
    private static final Pattern NEW_ID = Pattern.compile("(?i)HOTFIX-[X?]*|");
    private static final Pattern NOT_HEADING_TEXT = Pattern.compile("[^\\p{L}\\p{N} -]");

    /** Reads the line at {@code i} of a section of the entry (and what belongs to it); returns the index after. */
    @FunctionalInterface
    interface SectionReader {
        int read(EntryDraft entry, int i);
    }

    private final PageLines page;
    private final List<PageEntry> entries;
    /** Who reads a section's lines, by the section's label ("" before the entry's first heading). */
    private final Map<String, SectionReader> bySection = new HashMap<>();

    /** Reads the entries of {@code page}, adding each one read to {@code entries}, each error to the page's. */
    EntryReader(PageLines page, List<PageEntry> entries) {
        this.page = page;
        this.entries = entries;
        EntryFields values = new EntryFields(page.errors());
        EntryBodyLines body = new EntryBodyLines(page, values);
        bySection.put("", body::read);
        for (String section : KNOWN_SECTIONS) {
            bySection.put(section, body::read);
        }
        bySection.put(LogReader.DETAILS, new DetailsBlockReader(page, values)::read);
        // The links are written from the details block's list, which is what is read back.
        bySection.put(LogReader.EVIDENCE, (entry, i) -> i + 1);
    }

    /** One entry, from its heading to the next heading or rule; returns the index after it. */
    int read(int start, boolean completed) {
        String[] lines = page.lines;
        Matcher head = ENTRY.matcher(lines[start]);
        head.matches();
        int errorsBefore = page.errorCount();
        HotfixId id = id(start, head.group(1).strip());
        EntryDraft entry = new EntryDraft(start, head.group(2), completed ? Status.COMPLETED : null);
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
                heading(entry, line, m.group(1));
                i++;
            } else if (entry.own != null) {
                i = ownSection(entry, i);
            } else {
                i = bySection.get(entry.section).read(entry, i);
            }
        }
        if (page.errorCount() == errorsBefore) {
            entries.add(entry.finish(id, completed, i));
        }
        return i;
    }

    /** The heading's id; null for a new entry ("HOTFIX-XXX", nothing) and for one that is no id (an error). */
    private HotfixId id(int start, String idText) {
        if (NUMBERED_ID.matcher(idText).matches()) {
            try {
                return HotfixId.parse(idText);
            } catch (ValidationException e) {
                page.error(
                        start,
                        "'" + idText + "' is not a hotfix id: "
                                + e.errors().get(0).message());
            }
        } else if (!NEW_ID.matcher(idText).matches()) {
            page.error(
                    start,
                    "'" + idText + "' is not a hotfix id; write HOTFIX- and a number, or HOTFIX-XXX for a "
                            + "new one");
        }
        return null;
    }

    /** A {@code ####} heading: a template section of the entry, or the start of a section of its own. */
    private static void heading(EntryDraft entry, String line, String heading) {
        entry.flushOwn();
        entry.lastTextField = null;
        String known = knownSection(heading);
        if (known == null) {
            entry.own = new StringBuilder(line.stripTrailing());
            entry.section = null;
        } else {
            entry.section = known;
        }
    }

    /** A line of a section of the entry's own, kept as written; a code block in it whole. */
    private int ownSection(EntryDraft entry, int i) {
        String[] lines = page.lines;
        int end = ValueText.isFenceOpen(lines[i]) ? page.fenceEnd(i) : i; // lines.length when never closed
        for (int k = i; k <= end && k < lines.length; k++) {
            entry.own.append('\n').append(lines[k].stripTrailing());
        }
        return end + 1;
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
}
