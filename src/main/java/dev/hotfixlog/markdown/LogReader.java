package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.text.Split;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a hotfix log page as people really keep it: the seed template filled in by hand, or this tool's own
 * export. Line-based on purpose: the template is a sequence of labelled lines, and a Markdown tree would
 * normalise the very text that has to come back byte for byte.
 *
 * <p>Tolerated: emoji or none, labels in any order, with or without bold, CRLF, values continued on the next
 * line, placeholders left unfilled (empty), completed entries in their one-line form, sections and lines the
 * template does not have (kept verbatim). Everything that cannot be read is an error naming its line.
 *
 * <p>This class walks the page's parts; each entry is read by {@link EntryReader}, and a long page in pieces on
 * several cores by {@link PageInPieces}, one reader per piece.
 */
final class LogReader {
    private static final Pattern H1 = Pattern.compile("^#[[:space:]]+.*");
    static final Pattern H2 = Pattern.compile("^##[[:space:]]+(.*?)[[:space:]]*#*[[:space:]]*$");
    private static final Pattern H3 = Pattern.compile("^###[[:space:]]+(.*?)[[:space:]]*#*[[:space:]]*$");
    // LabelLine's definition in Java's words: RE2/J's \s leaves out the vertical tab that Java's (and LabelLine's
    // scan) count as a space.
    private static final Pattern LIST_ITEM = Pattern.compile(LabelLine.LIST_ITEM.replace("\\s", "[[:space:]]"));
    static final String DETAILS = "Record Details";
    /** A full export's list of a record's evidence: for people; the details block says the same for the import. */
    static final String EVIDENCE = "Evidence";

    /** The parts of a page, by its "## " headings. */
    enum Part {
        PREAMBLE,
        ACTIVE,
        COMPLETED,
        PATTERNS,
        REGISTER,
        OTHER
    }

    private final String[] lines;
    /** The lines with this reader's errors. */
    private final PageLines page;

    private final List<PageEntry> entries = new ArrayList<>();
    /** Reads each entry into {@link #entries}, its errors into {@link #errors}. */
    private final EntryReader entryReader;

    private final List<String> skipped = new ArrayList<>();
    private final List<FieldError> errors = new ArrayList<>();
    private final PageBlockCollector blocks = new PageBlockCollector();
    private final PatternSectionReader patterns;

    /** The part of the page the reading is in. */
    private Part part;
    /** Within the patterns part: "types", "signs", "other" ("### " headings), or "" before the first. */
    private String sub;
    /** The log's own part the page was in before a section it does not read. */
    private Part lastLogPart;

    private boolean titled;
    /** The risk register's details, when the page has them (a full export). */
    private ArrayNode register;
    /** True once the page showed one of the log's own parts (active, completed, patterns). */
    private boolean logParts;

    /** A reader of {@code lines}, for one reading ({@link #readPage}) of the page or of a piece of it. */
    LogReader(String[] lines) {
        this.lines = lines;
        this.page = new PageLines(lines, errors);
        this.entryReader = new EntryReader(page, entries);
        this.patterns = new PatternSectionReader(page);
    }

    private static String[] lines(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (t.indexOf('\r') >= 0) {
            t = t.replace("\r\n", "\n").replace('\r', '\n');
        }
        return Split.on(t, "\n", -1);
    }

    static ParsedLog read(String text) {
        return read(text, 0);
    }

    /**
     * {@code pieces}: how many pieces to read a page in, at most; 0 for one per core on a long page. The tests
     * ask for many on short pages, to show that pieces never change what is read.
     */
    static ParsedLog read(String text, int pieces) {
        return PageInPieces.read(lines(text), pieces);
    }

    /** Where a reading stopped: the next line to read, and the section it is in. */
    record Landing(int index, Part part, String sub) {}

    /** Takes what a reading of the next piece found, after this one's. */
    void append(LogReader next) {
        entries.addAll(next.entries);
        skipped.addAll(next.skipped);
        blocks.append(next.blocks);
        logParts |= next.logParts;
        errors.addAll(next.errors);
        patterns.append(next.patterns);
        register = register != null ? register : next.register;
    }

    ParsedLog parsed() {
        return new ParsedLog(
                entries,
                patterns.types(),
                patterns.signs(),
                skipped,
                errors,
                blocks.merged(),
                logParts || !entries.isEmpty(),
                register);
    }

    /** Reads from {@code start} until a line at or past {@code stop} would begin the next step; says where. */
    Landing readPage(Landing start, int stop) {
        part = start.part();
        sub = start.sub();
        lastLogPart = part;
        int i = start.index();
        while (i < lines.length && i < stop) {
            String line = lines[i];
            Matcher m;
            if (H1.matcher(line).matches() && !line.startsWith("##")) {
                blocks.keep(part == Part.PREAMBLE && !titled ? PageBlock.TITLE : placeOf(part, lastLogPart, sub), line);
                titled = true;
                i++;
            } else if ((m = H2.matcher(line)).matches() && !line.startsWith("###")) {
                partHeading(i, line, m.group(1));
                i++;
            } else if (part == Part.REGISTER) {
                i = registerLine(i);
            } else if ((part == Part.ACTIVE || part == Part.COMPLETED)
                    && line.startsWith("###")
                    && !line.startsWith("####")) {
                i = entryHeading(i);
            } else if (part == Part.PATTERNS && (m = H3.matcher(line)).matches() && !line.startsWith("####")) {
                patternsHeading(i, line, m.group(1));
                i++;
            } else if (part == Part.PATTERNS
                    && (sub.equals("types") || sub.equals("signs"))
                    && (m = LIST_ITEM.matcher(line)).matches()) {
                patterns.row(i, sub, m.group(1));
                i++;
            } else {
                if ((part == Part.ACTIVE || part == Part.COMPLETED) && !line.isBlank() && !LineShapes.isRule(line)) {
                    skipped.add("line " + (i + 1) + ": text outside any entry; skipped");
                } else if (part == Part.PREAMBLE || part == Part.OTHER || part == Part.PATTERNS) {
                    blocks.keep(placeOf(part, lastLogPart, sub), line);
                }
                i++;
            }
        }
        blocks.keep(null, null);
        return new Landing(i, part, sub);
    }

    /** A "## " heading at line {@code i}: a part of the log, the risk register, or a section of the page's own. */
    private void partHeading(int i, String line, String heading) {
        part = classify(heading);
        if (part == Part.OTHER) {
            skipped.add("line " + (i + 1) + ": section '" + heading + "' is not part of the log; kept as written");
            blocks.keep(null, null);
            blocks.keep(placeOf(part, lastLogPart, sub), line);
        } else if (part == Part.REGISTER) {
            blocks.keep(null, null); // the register's own section: read below, never kept as the page's text
        } else {
            lastLogPart = part;
            logParts = true;
            blocks.keep(null, null);
        }
        sub = "";
    }

    /** A line of the risk register's section: its details block is read; returns the index after. */
    private int registerLine(int i) {
        if (!ValueText.isFenceOpen(lines[i])) {
            return i + 1; // the table is for people; the details block is what is read back
        }
        int end = page.fenceEnd(i);
        String json = page.joined(i + 1, end);
        try {
            if (Json.mapper().readTree(json) instanceof ArrayNode a) {
                register = register == null ? a : register;
            } else {
                page.error(i, "the risk register's details block is not a JSON list");
            }
        } catch (IOException e) {
            page.error(
                    i,
                    "the risk register's details block is not valid JSON: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        return end + 1;
    }

    /** A "### " line in the active or completed part: an entry, or an error; returns the index after. */
    private int entryHeading(int i) {
        if (EntryReader.ENTRY.matcher(lines[i]).matches()) {
            return entryReader.read(i, part == Part.COMPLETED);
        }
        page.error(i, "an entry heading needs its id in brackets, like: ### 🚨 [HOTFIX-007] Checkout returns 502");
        return i + 1;
    }

    /** A "### " heading in the patterns part: the emergency types, the warning signs, or a section of its own. */
    private void patternsHeading(int i, String line, String heading) {
        String h = heading.toLowerCase(Locale.ROOT);
        sub = h.contains("emergency type") ? "types" : h.contains("warning sign") ? "signs" : "other";
        if (sub.equals("types")) {
            patterns.typesFound();
        } else if (sub.equals("signs")) {
            patterns.signsFound();
        } else {
            skipped.add("line " + (i + 1) + ": section '" + heading + "' is not part of the log; kept as written");
        }
        blocks.keep(null, null);
        if (sub.equals("other")) {
            blocks.keep(PageBlock.after("patterns"), line);
        }
    }

    /** Where a line of the page outside the entries belongs. */
    private static String placeOf(Part part, Part lastLogPart, String sub) {
        return switch (part) {
            case PREAMBLE -> PageBlock.TOP;
            case PATTERNS ->
                sub.isEmpty()
                        ? PageBlock.in("patterns")
                        : sub.equals("other") ? PageBlock.after("patterns") : PageBlock.in(sub);
            case OTHER ->
                lastLogPart == Part.PREAMBLE || lastLogPart == Part.OTHER
                        ? PageBlock.TOP
                        : PageBlock.after(lastLogPart.name().toLowerCase(Locale.ROOT));
            default -> PageBlock.after(part.name().toLowerCase(Locale.ROOT));
        };
    }

    static Part classify(String heading) {
        String h = heading.toLowerCase(Locale.ROOT);
        if (h.startsWith("active hotfix")) {
            return Part.ACTIVE;
        }
        if (h.startsWith("completed hotfix")) {
            return Part.COMPLETED;
        }
        if (h.startsWith("hotfix patterns")) {
            return Part.PATTERNS;
        }
        if (h.startsWith("risk register")) {
            return Part.REGISTER;
        }
        return Part.OTHER;
    }
}
