package dev.hotfixlog.markdown;

import dev.hotfixlog.hotfix.FieldChange;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.text.Split;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The {@code log} form of a log imported from a whole page: that page as it was written, byte for byte, with only
 * what changed since rewritten. An entry whose record is at the version the import left is its own lines; one
 * edited since has the lines of each changed field written anew (the rest as written); a record now in the other
 * part (completed since), or not on the page, is written where the {@link LogWriter} puts it; a record deleted
 * since is left out. When the page cannot be the base (its emergency types or warning signs are not the log's
 * any more, or it cannot be read as it was), there is no faithful page and the writer writes the log.
 */
final class FaithfulPage {
    private final SourceLines src;
    private final ParsedLog raw;
    private final Map<String, LogWriter.Beyond> beyond;
    private final Supplier<Map<HotfixId, List<Revision>>> histories;

    private FaithfulPage(
            PageSource source,
            Map<String, LogWriter.Beyond> beyond,
            Supplier<Map<HotfixId, List<Revision>>> histories) {
        this.src = new SourceLines(source.text());
        this.raw = LogReader.read(source.text());
        this.beyond = beyond;
        this.histories = histories;
    }

    /** The page, or null when the stored page cannot be the base of this log's {@code log} form. */
    static String write(
            PageSource source,
            List<Hotfix> all,
            Map<String, LogWriter.Beyond> beyond,
            List<EmergencyType> types,
            List<WarningSign> signs,
            Instant completedSince,
            Supplier<Map<HotfixId, List<Revision>>> histories) {
        FaithfulPage p = new FaithfulPage(source, beyond, histories);
        if (!p.raw.errors().isEmpty()
                || p.raw.entries().size() != source.entries().size()
                || !orEmpty(p.raw.types()).equals(types)
                || !orEmpty(p.raw.signs()).equals(signs)) {
            return null;
        }
        return p.write(source.entries(), all, completedSince);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private String write(List<PageSource.Imported> imported, List<Hotfix> all, Instant completedSince) {
        Map<HotfixId, Hotfix> byId = new HashMap<>();
        all.forEach(h -> byId.put(h.id(), h));
        Map<Integer, String> instead = new HashMap<>(); // an entry's first line → what is written for the entry
        Map<Integer, Integer> skipTo = new HashMap<>();
        Set<HotfixId> placed = new HashSet<>();
        int afterActive = -1;
        int firstCompleted = -1;
        for (int k = 0; k < imported.size(); k++) {
            EntryLines at = raw.entries().get(k).lines();
            PageSource.Imported was = imported.get(k);
            Hotfix h = byId.get(was.id());
            if (at.completed()) {
                firstCompleted = firstCompleted < 0 ? at.from() : firstCompleted;
            } else {
                afterActive = at.to();
            }
            skipTo.put(at.from(), at.to());
            if (h == null || (h.status() == Status.COMPLETED) != at.completed()) {
                instead.put(at.from(), ""); // deleted, or moved to the other part: written there if listed
                continue;
            }
            placed.add(h.id());
            boolean renamed = !h.id().equals(raw.entries().get(k).item().id()); // HOTFIX-XXX, or renumbered
            if (h.version() != was.version() || renamed) {
                String text = h.version() != was.version() ? changed(at, h, was) : written(at.from(), at.to());
                instead.put(at.from(), renamed ? withId(text, h.id()) : text);
            }
        }
        StringBuilder active = new StringBuilder();
        StringBuilder completed = new StringBuilder();
        for (Hotfix h : all) {
            if (!placed.contains(h.id()) && h.status() != Status.COMPLETED) {
                active.append(fresh(h));
            }
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Hotfix h = all.get(i);
            if (!placed.contains(h.id()) && h.status() == Status.COMPLETED && LogWriter.listed(h, completedSince)) {
                completed.append(fresh(h));
            }
        }
        Map<Integer, String> inserts = new HashMap<>();
        if (!insert(inserts, active, afterActive, "active hotfix")
                || !insert(inserts, completed, firstCompleted, "completed hotfix")) {
            return null;
        }
        StringBuilder out = new StringBuilder(src.prefix());
        for (int i = 0; i < src.size(); i++) {
            out.append(inserts.getOrDefault(i, ""));
            if (instead.containsKey(i)) {
                out.append(instead.get(i));
                i = skipTo.get(i) - 1;
            } else {
                out.append(src.written(i));
            }
        }
        out.append(inserts.getOrDefault(src.size(), ""));
        return out.toString();
    }

    private String written(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append(src.written(i));
        }
        return out.toString();
    }

    /** The entry with the id it was given written into its heading's brackets, the heading otherwise as it was. */
    private static String withId(String entry, HotfixId id) {
        int open = entry.indexOf('[');
        int close = open < 0 ? -1 : entry.indexOf(']', open);
        int nl = entry.indexOf('\n');
        if (close < 0 || (nl >= 0 && close > nl)) {
            return entry;
        }
        return entry.substring(0, open + 1) + id + entry.substring(close);
    }

    /** Puts new entries before line {@code at}, or under the part's heading when the page has none there. */
    private boolean insert(Map<Integer, String> inserts, StringBuilder text, int at, String part) {
        if (text.isEmpty()) {
            return true;
        }
        int where = at >= 0 ? at : headingAfter(part);
        if (where < 0) {
            return false;
        }
        inserts.merge(where, (at >= 0 ? "" : src.lineBreak(where)) + breaks(text.toString(), where), String::concat);
        return true;
    }

    private int headingAfter(String part) {
        for (int i = 0; i < src.size(); i++) {
            String l = src.line(i);
            if (l.startsWith("## ")
                    && l.substring(3).strip().toLowerCase(Locale.ROOT).startsWith(part)) {
                return i + 1;
            }
        }
        return -1;
    }

    private String fresh(Hotfix h) {
        return LogWriter.logEntry(h, beyond.getOrDefault(h.id().toString(), LogWriter.Beyond.NONE));
    }

    /** The writer's text with the page's own line breaks. */
    private String breaks(String text, int near) {
        String nl = src.lineBreak(near);
        return nl.equals("\n") ? text : text.replace("\n", nl);
    }

    /**
     * An entry edited since the import: the lines of each changed field written anew, the others as written.
     * A changed field the page had no line for (or the writer writes none for) makes the whole entry the writer's.
     */
    private String changed(EntryLines at, Hotfix h, PageSource.Imported was) {
        String fresh = fresh(h);
        ParsedLog again =
                LogReader.read((at.completed() ? "## Completed Hotfixes\n\n" : "## Active Hotfixes\n\n") + fresh);
        if (again.entries().size() != 1) {
            return breaks(fresh, at.from());
        }
        EntryLines mine = again.entries().get(0).lines();
        String[] freshLines = Split.on(fresh, "\n", -1);
        TreeMap<Integer, int[]> spans = new TreeMap<>(); // a raw line → {its end, fresh from, fresh to}
        for (String key : changedFields(h.id(), was.version())) {
            EntryLines.Span r = at.fields().get(key);
            EntryLines.Span f = mine.fields().get(key);
            if (r == null && f == null) {
                continue; // a field the log form does not show (a step, the triage)
            }
            if (r == null || f == null) {
                return breaks(fresh, at.from());
            }
            spans.putIfAbsent(r.from(), new int[] {r.to(), f.from() - 2, f.to() - 2});
        }
        StringBuilder out = new StringBuilder();
        for (int i = at.from(); i < at.to(); i++) {
            int[] s = spans.get(i);
            if (s == null) {
                out.append(src.written(i));
                continue;
            }
            String nl = src.lineBreak(i);
            for (int k = s[1]; k < s[2]; k++) {
                out.append(freshLines[k]).append(nl);
            }
            i = s[0] - 1;
        }
        return out.toString();
    }

    /** The fields changed after {@code version}, by the names {@link EntryLines} keeps lines under. */
    private Set<String> changedFields(HotfixId id, int version) {
        Set<String> out = new LinkedHashSet<>();
        for (Revision r : histories.get().getOrDefault(id, List.of())) {
            if (r.version() <= version) {
                continue;
            }
            for (FieldChange c : r.changes()) {
                String f = c.field();
                if (f.startsWith("followUps.")) {
                    int second = f.indexOf('.', "followUps.".length());
                    out.add(second < 0 ? f : f.substring(0, second));
                } else {
                    out.add(HotfixJson.topLevel(f));
                }
            }
        }
        return out;
    }
}
