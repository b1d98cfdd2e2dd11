package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.ImportItem;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.time.TimeText;
import dev.hotfixlog.work.ImportWorkers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a hotfix log page as people really keep it: the seed template filled in by hand, or this tool's own
 * export. Line-based on purpose: the template is a sequence of labelled lines, and a Markdown tree would
 * normalise the very text that has to come back byte for byte.
 *
 * <p>Tolerated: emoji or none, labels in any order, with or without bold, CRLF, values continued on the next
 * line, placeholders left unfilled (empty), completed entries in their one-line form, sections and lines the
 * template does not have (kept verbatim). Everything that cannot be read is an error naming its line.
 */
final class LogReader {
    private static final Pattern H1 = Pattern.compile("^#\\s+.*");
    private static final Pattern H2 = Pattern.compile("^##\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern H3 = Pattern.compile("^###\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern H4 = Pattern.compile("^####\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern ENTRY = Pattern.compile("^###\\s+[^\\[]*\\[([^\\]]*)\\]\\s*(.*?)\\s*$");
    private static final Pattern ONE_LINE = Pattern.compile(
            "(?i)^\\s*(?:\\*\\*)?duration\\s*:?\\s*(?:\\*\\*)?\\s*:?\\s*(.*?)"
            + "\\s*\\|\\s*(?:\\*\\*)?follow-?up\\s*:?\\s*(?:\\*\\*)?\\s*:?\\s*(.*?)"
            + "\\s*\\|\\s*(?:\\*\\*)?learning\\s*:?\\s*"
            + "(?:\\*\\*)?\\s*:?\\s?(.*)$");
    private static final Pattern DATED_TITLE = Pattern.compile("^(.*)\\s+[-–—]\\s+(\\d{4}-\\d{2}-\\d{2})\\s*$");
    private static final Pattern TYPE_ROW = Pattern.compile(
            "(?i)^type\\s*\\d*\\s*:\\s*(.*?)\\s+[-–—]\\s+prevention\\s*:\\s*(.*)$");
    private static final Pattern SIGN_ROW = Pattern.compile(
            "(?i)^signal\\s*\\d*\\s*:\\s*(.*?)\\s*(?:→|->|=>|[-–—])\\s*threshold\\s*:\\s*(.*)$");
    private static final Pattern LIST_ITEM = Pattern.compile(LabelLine.LIST_ITEM);
    private static final List<String> KNOWN_SECTIONS = List.of("The Emergency", "The Fix", "The Context",
            "Follow-up Required", "Legible Fix");
    private static final Pattern NUMBERED_ID = Pattern.compile("(?i)HOTFIX-\\d+");
    private static final Pattern NEW_ID = Pattern.compile("(?i)HOTFIX-[X?]*|");
    private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[-–—:]\\s*");
    private static final Pattern NOT_HEADING_TEXT = Pattern.compile("[^\\p{L}\\p{N} -]");
    static final String DETAILS = "Record Details";
    /** A full export's list of a record's evidence: for people; the details block says the same for the import. */
    static final String EVIDENCE = "Evidence";
    static final String TITLE_PLACEHOLDER = "[Brief Description]";

    private enum Part { PREAMBLE, ACTIVE, COMPLETED, PATTERNS, REGISTER, OTHER }

    /** A page is read in as many pieces as it has this many lines, up to one per core. */
    private static final int LINES_PER_PIECE = 20_000;
    private final String[] lines;
    /** Where this reader's piece ended (pieces read on other threads). */
    private Landing landing;
    private final List<PageEntry> entries = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<FieldError> errors = new ArrayList<>();
    private final List<PageBlock> blocks = new ArrayList<>();
    private List<EmergencyType> types;
    private List<WarningSign> signs;

    private LogReader(String[] lines) {
        this.lines = lines;
    }

    private static String[] lines(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (t.indexOf('\r') >= 0) {
            t = t.replace("\r\n", "\n").replace('\r', '\n');
        }
        return t.split("\n", -1);
    }

    static ParsedLog read(String text) {
        return read(text, 0);
    }

    /**
     * {@code pieces}: how many pieces to read a page in, at most; 0 for one per core on a long page. The tests
     * ask for many on short pages, to show that pieces never change what is read.
     */
    static ParsedLog read(String text, int pieces) {
        String[] lines = lines(text);
        List<Landing> starts = pieceStarts(lines, pieces > 0 ? pieces
                : Math.min(Runtime.getRuntime().availableProcessors(), lines.length / LINES_PER_PIECE));
        LogReader whole = new LogReader(lines);
        if (starts.size() == 1) {
            whole.readPage(starts.get(0), lines.length);
            return whole.parsed();
        }
        // A long page is read in pieces, the later ones on other cores, each from an entry heading in the part
        // named by the last "## " heading above it. That is a guess (the heading could sit in a code block): a
        // piece is kept only if reading the page up to it stopped exactly at its heading, in that part. Else
        // that piece is read again from where the reading stands. Either way the result is a plain reading's.
        try (ImportWorkers workers = new ImportWorkers(starts.size() - 1)) {
            List<Future<LogReader>> later = new ArrayList<>();
            for (int k = 1; k < starts.size(); k++) {
                Landing from = starts.get(k);
                int to = end(starts, k, lines);
                later.add(workers.submit(() -> {
                    LogReader piece = new LogReader(lines);
                    piece.landing = piece.readPage(from, to);
                    return piece;
                }));
            }
            Landing at = whole.readPage(starts.get(0), starts.get(1).index());
            for (int k = 1; k < starts.size(); k++) {
                if (at.equals(starts.get(k))) {
                    // Waited for only when kept: a piece that started at a wrong guess may have failed on it.
                    LogReader piece = ImportWorkers.await(later.get(k - 1));
                    whole.append(piece);
                    at = piece.landing;
                } else {
                    LogReader again = new LogReader(lines);
                    at = again.readPage(at, end(starts, k, lines));
                    whole.append(again);
                }
            }
        }
        return whole.parsed();
    }

    private static int end(List<Landing> starts, int k, String[] lines) {
        return k + 1 < starts.size() ? starts.get(k + 1).index() : lines.length;
    }

    /** Where a reading stopped: the next line to read, and the section it is in. */
    private record Landing(int index, Part part, String sub) {
    }

    /**
     * Where pieces start: the first line, then an entry heading near each further piece's share, with the part
     * the nearest "## " heading above it names. One pass over the page, however many headings it has.
     */
    private static List<Landing> pieceStarts(String[] lines, int pieces) {
        List<Landing> starts = new ArrayList<>(List.of(new Landing(0, Part.PREAMBLE, "")));
        Part part = Part.PREAMBLE;
        int k = 1;
        for (int i = 0; i < lines.length && k < pieces; i++) {
            String line = lines[i];
            Matcher m;
            if (line.startsWith("##") && !line.startsWith("###") && (m = H2.matcher(line)).matches()) {
                part = classify(m.group(1));
            } else if (i >= (long) lines.length * k / pieces && (part == Part.ACTIVE || part == Part.COMPLETED)
                    && isEntryHeading(line)) {
                starts.add(new Landing(i, part, ""));
                k++;
            }
        }
        return starts;
    }

    private static boolean isEntryHeading(String line) {
        return line.startsWith("###") && !line.startsWith("####") && ENTRY.matcher(line).matches();
    }

    private void append(LogReader next) {
        entries.addAll(next.entries);
        skipped.addAll(next.skipped);
        blocks.addAll(next.blocks);
        logParts |= next.logParts;
        errors.addAll(next.errors);
        types = types == null ? next.types : next.types == null ? types : concat(types, next.types);
        register = register != null ? register : next.register;
        signs = signs == null ? next.signs : next.signs == null ? signs : concat(signs, next.signs);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        a.addAll(b);
        return a;
    }

    private ParsedLog parsed() {
        return new ParsedLog(entries, types, signs, skipped, errors, mergedBlocks(), logParts || !entries.isEmpty(),
                register);
    }

    private void error(int index, String message) {
        errors.add(new FieldError("line " + (index + 1), message));
    }

    /** Reads from {@code start} until a line at or past {@code stop} would begin the next step; says where. */
    private Landing readPage(Landing start, int stop) {
        Part part = start.part();
        String sub = start.sub();
        int i = start.index();
        Part lastLogPart = part; // the log's own part the page was in before a section it does not read
        while (i < lines.length && i < stop) {
            String line = lines[i];
            Matcher m;
            if (H1.matcher(line).matches() && !line.startsWith("##")) {
                keep(part == Part.PREAMBLE && !titled ? PageBlock.TITLE : placeOf(part, lastLogPart, sub), line);
                titled = true;
                i++;
            } else if ((m = H2.matcher(line)).matches() && !line.startsWith("###")) {
                part = classify(m.group(1));
                if (part == Part.OTHER) {
                    skipped.add("line " + (i + 1) + ": section '" + m.group(1) + "' is not part of the log; kept "
                            + "as written");
                    keep(null, null);
                    keep(placeOf(part, lastLogPart, sub), line);
                } else if (part == Part.REGISTER) {
                    keep(null, null); // the register's own section: read below, never kept as the page's text
                } else {
                    lastLogPart = part;
                    logParts = true;
                    keep(null, null);
                }
                sub = "";
                i++;
            } else if (part == Part.REGISTER) {
                if (Values.isFenceOpen(line)) {
                    int end = fenceEnd(i);
                    String json = String.join("\n", Arrays.asList(lines).subList(i + 1, Math.min(end, lines.length)));
                    try {
                        if (Json.mapper().readTree(json) instanceof ArrayNode a) {
                            register = register == null ? a : register;
                        } else {
                            error(i, "the risk register's details block is not a JSON list");
                        }
                    } catch (java.io.IOException e) {
                        error(i, "the risk register's details block is not valid JSON: "
                                + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                    }
                    i = end + 1;
                } else {
                    i++; // the table is for people; the details block is what is read back
                }
            } else if ((part == Part.ACTIVE || part == Part.COMPLETED) && line.startsWith("###")
                    && !line.startsWith("####")) {
                if (ENTRY.matcher(line).matches()) {
                    i = readEntry(i, part);
                } else {
                    error(i, "an entry heading needs its id in brackets, like: ### 🚨 [HOTFIX-007] Checkout "
                            + "returns 502");
                    i++;
                }
            } else if (part == Part.PATTERNS && (m = H3.matcher(line)).matches() && !line.startsWith("####")) {
                String h = m.group(1).toLowerCase(Locale.ROOT);
                sub = h.contains("emergency type") ? "types" : h.contains("warning sign") ? "signs" : "other";
                if (sub.equals("types") && types == null) {
                    types = new ArrayList<>();
                } else if (sub.equals("signs") && signs == null) {
                    signs = new ArrayList<>();
                } else if (sub.equals("other")) {
                    skipped.add("line " + (i + 1) + ": section '" + m.group(1) + "' is not part of the log; kept "
                            + "as written");
                }
                keep(null, null);
                if (sub.equals("other")) {
                    keep(PageBlock.after("patterns"), line);
                }
                i++;
            } else if (part == Part.PATTERNS && (sub.equals("types") || sub.equals("signs"))
                    && (m = LIST_ITEM.matcher(line)).matches()) {
                patternRow(i, sub, m.group(1));
                i++;
            } else {
                if ((part == Part.ACTIVE || part == Part.COMPLETED) && !line.isBlank()
                        && !LineShapes.isRule(line)) {
                    skipped.add("line " + (i + 1) + ": text outside any entry; skipped");
                } else if (part == Part.PREAMBLE || part == Part.OTHER || part == Part.PATTERNS) {
                    keep(placeOf(part, lastLogPart, sub), line);
                }
                i++;
            }
        }
        keep(null, null);
        return new Landing(i, part, sub);
    }

    /** Where a line of the page outside the entries belongs. */
    private static String placeOf(Part part, Part lastLogPart, String sub) {
        return switch (part) {
            case PREAMBLE -> PageBlock.TOP;
            case PATTERNS -> sub.isEmpty() ? PageBlock.in("patterns") : sub.equals("other")
                    ? PageBlock.after("patterns") : PageBlock.in(sub);
            case OTHER -> lastLogPart == Part.PREAMBLE || lastLogPart == Part.OTHER ? PageBlock.TOP
                    : PageBlock.after(lastLogPart.name().toLowerCase(Locale.ROOT));
            default -> PageBlock.after(part.name().toLowerCase(Locale.ROOT));
        };
    }

    private boolean titled;
    /** The risk register's details, when the page has them (a full export). */
    private ArrayNode register;
    /** True once the page showed one of the log's own parts (active, completed, patterns). */
    private boolean logParts;
    private String keptPlace;
    private StringBuilder kept;

    /** Adds a line to the block being kept at {@code place}; {@code null} ends the block. */
    private void keep(String place, String line) {
        if (kept != null && (place == null || !place.equals(keptPlace) || PageBlock.TITLE.equals(keptPlace))) {
            String text = trimBlankLines(kept.toString());
            if (!text.isBlank()) {
                blocks.add(new PageBlock(keptPlace, text));
            }
            kept = null;
        }
        if (place == null) {
            return;
        }
        if (kept == null) {
            kept = new StringBuilder();
            keptPlace = place;
        } else {
            kept.append('\n');
        }
        kept.append(line);
    }

    /** Without the blank lines before the first line and after the last; every other line as it was. */
    private static String trimBlankLines(String text) {
        String[] ls = text.split("\n", -1);
        int a = 0;
        int b = ls.length;
        while (a < b && ls[a].isBlank()) {
            a++;
        }
        while (b > a && ls[b - 1].isBlank()) {
            b--;
        }
        return String.join("\n", Arrays.asList(ls).subList(a, b));
    }

    /** The kept blocks, with neighbours at the same place joined, as the writer puts them back. */
    private List<PageBlock> mergedBlocks() {
        List<PageBlock> out = new ArrayList<>();
        for (PageBlock b : blocks) {
            PageBlock last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.place().equals(b.place()) && !b.place().equals(PageBlock.TITLE)) {
                out.set(out.size() - 1, new PageBlock(b.place(), last.text() + "\n\n" + b.text()));
            } else {
                out.add(b);
            }
        }
        return out;
    }

    private static Part classify(String heading) {
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

    private void patternRow(int i, String sub, String item) {
        String plain = item.replace("**", "").strip();
        Matcher m = (sub.equals("types") ? TYPE_ROW : SIGN_ROW).matcher(plain);
        if (!m.matches()) {
            error(i, sub.equals("types") ? "an emergency type reads: - **Type 1:** what - **Prevention:** how"
                    : "a warning sign reads: - **Signal 1:** metric → **Threshold:** when to act");
            return;
        }
        String a = Values.inline(m.group(1).replaceFirst("^\\[e\\.g\\.,?\\s*", "["));
        String b = Values.inline(m.group(2));
        if (a == null) {
            if (b != null) {
                error(i, sub.equals("types") ? "an emergency type needs a name" : "a warning sign needs its signal");
            }
            return; // the template's unfilled row
        }
        if (sub.equals("types")) {
            types.add(new EmergencyType(a, b));
        } else {
            signs.add(new WarningSign(a, b));
        }
    }

    /** One entry, from its heading to the next heading or rule; returns the index after it. */
    private int readEntry(int start, Part part) {
        Matcher head = ENTRY.matcher(lines[start]);
        head.matches();
        int errorsBefore = errors.size();
        HotfixId id = null;
        String idText = head.group(1).strip();
        if (NUMBERED_ID.matcher(idText).matches()) {
            try {
                id = HotfixId.parse(idText);
            } catch (ValidationException e) {
                error(start, "'" + idText + "' is not a hotfix id: " + e.errors().get(0).message());
            }
        } else if (!NEW_ID.matcher(idText).matches()) {
            error(start, "'" + idText + "' is not a hotfix id; write HOTFIX- and a number, or HOTFIX-XXX for a "
                    + "new one");
        }
        // Not Json.object(): that builds Json's mapper first, a tenth of a second on the reading's path; the
        // mapper is needed only for a details block.
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        String title = head.group(2);
        Map<String, List<String>> inSection = new LinkedHashMap<>();
        List<Extra> extras = new ArrayList<>();
        StringBuilder own = null;
        String section = "";
        String lastTextField = null;
        LocalDate day = null;
        String followUpStatus = null;
        List<String> history = null;
        ArrayNode evidence = null;
        Status status = part == Part.COMPLETED ? Status.COMPLETED : null;
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
            if (EVIDENCE.equals(section)) {
                i++; // the links are written from the details block's list, which is what is read back
                continue;
            }
            if (DETAILS.equals(section)) {
                if (Values.isFenceOpen(line)) {
                    int end = fenceEnd(i);
                    JsonNode block = details(i, String.join("\n", java.util.Arrays.asList(lines).subList(i + 1,
                            Math.min(end, lines.length))));
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
                        if (block.get("followUpStatus") != null && block.get("followUpStatus").isTextual()) {
                            followUpStatus = block.get("followUpStatus").asText();
                        }
                        if (block.get("attachments") instanceof ArrayNode a) {
                            evidence = a;
                        }
                        if (block.get("history") instanceof ArrayNode a) {
                            history = new ArrayList<>();
                            for (JsonNode n : a) {
                                history.add(n.asText());
                            }
                        }
                        mergeDetails(fields, (ObjectNode) block);
                    }
                    i = end + 1;
                } else {
                    if (!line.isBlank()) {
                        inSection.computeIfAbsent(DETAILS, k -> new ArrayList<>()).add(line.stripTrailing());
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
                        day = TimeText.parseDate("Date", dated.group(2));
                        fields.put("detectedAt", day.atStartOfDay().toInstant(ZoneOffset.UTC).toString());
                    } catch (ValidationException e) {
                        error(start, "'" + dated.group(2) + "' is not a date");
                    }
                }
                setValue(i, fields, Label.DURATION, Values.inline(one.group(1)));
                String fu = Values.inline(one.group(2));
                if (fu != null && fu.replaceAll("[^A-Za-z]", "").equalsIgnoreCase("done")) {
                    ObjectNode fus = child(fields, "followUps");
                    for (FollowUpKind k : FollowUpKind.values()) {
                        child(fus, k.json()).put("done", true);
                    }
                } else {
                    followUpStatus = fu;
                }
                setValue(i, fields, Label.LEARNING, Values.inline(one.group(3)));
                lastTextField = null;
                i++;
                continue;
            }
            Matcher box = line.indexOf('[') >= 0 ? LineShapes.CHECKBOX.matcher(line) : null;
            if (box != null && box.matches() && followUp(fields, box.group(1), box.group(2))) {
                lastTextField = null;
                i++;
                continue;
            }
            LabelLine lm = LineShapes.labelMatch(line);
            Label label = lm == null ? null : Label.find(lm.name());
            if (label != null) {
                String rest = lm.rest();
                if (rest.isBlank() && i + 1 < lines.length && Values.isFenceOpen(lines[i + 1])) {
                    int end = fenceEnd(i + 1);
                    String value = String.join("\n", java.util.Arrays.asList(lines).subList(i + 2,
                            Math.min(end, lines.length)));
                    setFenced(i, fields, label, value);
                    lastTextField = null;
                    i = end + 1;
                } else {
                    String inline = Values.inline(rest);
                    setValue(i, fields, label, inline);
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
                    }
                }
                continue;
            }
            if (lastTextField != null && !LabelLine.isListItem(line) && LabelLine.bold(line) == null) {
                // A value continued on the next line, as a wrapped paragraph does.
                String before = fields.path(lastTextField).asText("");
                fields.put(lastTextField, before.isEmpty() ? line.strip() : before + "\n" + line.strip());
                i++;
                continue;
            }
            inSection.computeIfAbsent(section == null ? "" : section, k -> new ArrayList<>()).add(line.stripTrailing());
            i++;
        }
        flushOwn(own, extras);
        List<Extra> all = new ArrayList<>();
        inSection.forEach((k, v) -> all.add(new Extra(k, String.join("\n", v))));
        all.addAll(extras);
        String t = title.isBlank() || title.strip().equalsIgnoreCase(TITLE_PLACEHOLDER) ? null : title.strip();
        if (fields.has("title")) {
            t = fields.get("title").asText(); // the details block's exact title
        }
        if (t != null) {
            fields.put("title", t);
        } else {
            fields.putNull("title");
        }
        if (errors.size() == errorsBefore) {
            entries.add(new PageEntry(new ImportItem(start + 1, id, fields, status, exact, day), followUpStatus,
                    all, history, evidence));
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
        String h = (isPlainHeading(heading) ? heading : NOT_HEADING_TEXT.matcher(heading).replaceAll("")).strip();
        for (String k : KNOWN_SECTIONS) {
            if (h.equalsIgnoreCase(k)) {
                return k;
            }
        }
        if (h.regionMatches(true, 0, EVIDENCE, 0, EVIDENCE.length()) && h.toLowerCase(Locale.ROOT)
                .contains("not in the template")) {
            return EVIDENCE;
        }
        return h.regionMatches(true, 0, DETAILS, 0, DETAILS.length()) ? DETAILS : null;
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
    private int fenceEnd(int open) {
        String fence = lines[open].strip().replaceAll("[^`~].*$", "");
        for (int k = open + 1; k < lines.length; k++) {
            if (Values.closes(lines[k], fence)) {
                return k;
            }
        }
        error(open, "this code block is never closed (a line of " + fence + " is missing)");
        return lines.length;
    }

    private JsonNode details(int i, String json) {
        try {
            return Json.parseObject(json);
        } catch (ValidationException e) {
            error(i, "the record details block is not valid JSON: " + e.errors().get(0).message());
            return null;
        }
    }

    /** The details block holds what the template has no label for; follow-ups merge into their lines' values. */
    private static void mergeDetails(ObjectNode fields, ObjectNode block) {
        block.fields().forEachRemaining(e -> {
            if (e.getKey().equals("status") || e.getKey().equals("history")
                    || e.getKey().equals("followUpStatus") || e.getKey().equals("attachments")) {
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

    private static ObjectNode child(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode o ? o : parent.putObject(name);
    }






    /** A follow-up checkbox: true when it is one of the template's four (others stay as verbatim lines). */
    private boolean followUp(ObjectNode fields, String mark, String text) {
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
            return false;
        }
        if (!bold) {
            rest = text.substring(Math.min(text.length(), EntryValues.kindPrefix(text).length()));
        }
        String desc = LEADING_SEPARATOR.matcher(rest.strip()).replaceFirst("");
        ObjectNode fu = child(child(fields, "followUps"), kind.json());
        fu.put("done", !mark.isBlank());
        if (desc.isEmpty() || Values.isUnfilledFollowUp(desc)) {
            fu.putNull("description");
        } else {
            fu.put("description", desc);
        }
        return true;
    }



    private void setFenced(int i, ObjectNode fields, Label label, String value) {
        if (label == Label.SYSTEMS) {
            ArrayNode list = fields.putArray(label.field);
            value.lines().filter(l -> !l.isBlank()).forEach(list::add);
            return;
        }
        if (EntryValues.isText(label)) {
            fields.put(label.field, value);
            return;
        }
        setValue(i, fields, label, Values.inline(value));
    }

    private void setValue(int i, ObjectNode fields, Label label, String value) {
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
                case "detectedAt" -> fields.put(label.field, TimeText.parseInstant(label.text, value).toString());
                case "duration" -> fields.put(label.field, TimeText.parseDuration(label.text, value).toString());
                case "severity" -> {
                    String s = EntryValues.severity(value);
                    if ("unfilled".equals(s)) {
                        fields.putNull(label.field);
                        return;
                    }
                    if (s == null) {
                        throw ValidationException.of(label.text, "'" + value + "' is not a severity; write "
                                + "🔴 Critical, 🟡 High or 🔵 Medium");
                    }
                    fields.put(label.field, s);
                }
                case "systemsAffected" -> {
                    ArrayNode list = fields.putArray(label.field);
                    Values.splitList(value).forEach(list::add);
                }
                default -> fields.put(label.field, value);
            }
        } catch (ValidationException e) {
            error(i, label.text + ": " + e.errors().get(0).message());
        }
    }

}
