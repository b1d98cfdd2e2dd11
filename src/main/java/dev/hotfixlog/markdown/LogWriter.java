package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.FollowUp;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the log in the seed template's own layout: its headings, labels, emoji and checkboxes. Output is a
 * function of the records alone (no clock, no map order), so the same log always gives the same bytes.
 */
final class LogWriter {
    private static final String TITLE = "# Hotfix Log: Emergency Changes Record";
    private static final List<String> FOLLOW_UP_PLACEHOLDERS = List.of(
            "for [Date] with [People]",
            "[Brief description]",
            "[What should prevent this]",
            "[What docs need updating]");

    private final StringBuilder out = new StringBuilder(64 * 1024);

    /**
     * What the page holds beyond one record, keyed by its id; {@code revisions} (full only): its history whole,
     * so a log imported from the page keeps every revision with its time and actor.
     */
    record Beyond(String followUpStatus, List<UnplacedText> extras, List<String> history, List<Revision> revisions) {
        static final Beyond NONE = new Beyond(null, List.of(), List.of());

        Beyond(String followUpStatus, List<UnplacedText> extras, List<String> history) {
            this(followUpStatus, extras, history, List.of());
        }
    }

    /**
     * @param all         every record, oldest number first
     * @param completedSince for {@code log}: completed hotfixes resolved before this are left out
     */
    static String page(
            LogFormat format,
            List<Hotfix> all,
            Map<String, Beyond> beyond,
            List<EmergencyType> types,
            List<WarningSign> signs,
            List<PageBlock> blocks,
            Instant completedSince) {
        return page(format, all, beyond, types, signs, blocks, completedSince, Map.of(), null);
    }

    /**
     * @param evidence each record's evidence (full only): linked from the record, files in {@link LogEvidence#FOLDER}
     * @param register the risk register (full only), its own section after the patterns; null when empty
     */
    static String page(
            LogFormat format,
            List<Hotfix> all,
            Map<String, Beyond> beyond,
            List<EmergencyType> types,
            List<WarningSign> signs,
            List<PageBlock> blocks,
            Instant completedSince,
            Map<String, List<LogEvidence.Ref>> evidence,
            LogRegister.Register register) {
        LogWriter w = new LogWriter();
        List<String> title = textsAt(blocks, PageBlock.TITLE);
        w.line(title.isEmpty() ? TITLE : title.get(0)).line("");
        w.blocks(blocks, PageBlock.TOP);
        w.line("## Active Hotfixes").line("");
        for (Hotfix h : all) {
            if (h.status() != Status.COMPLETED) {
                w.entry(
                        h,
                        beyond.getOrDefault(h.id().toString(), Beyond.NONE),
                        format == LogFormat.FULL,
                        evidence.getOrDefault(h.id().toString(), List.of()));
                w.line("---").line("");
            }
        }
        if (all.stream().allMatch(h -> h.status() == Status.COMPLETED)) {
            w.line("---").line("");
        }
        w.blocks(blocks, PageBlock.after("active"));
        w.line(format == LogFormat.FULL ? "## Completed Hotfixes" : "## Completed Hotfixes (Last 6 Months)")
                .line("");
        for (int i = all.size() - 1; i >= 0; i--) {
            Hotfix h = all.get(i);
            if (h.status() != Status.COMPLETED) {
                continue;
            }
            Beyond b = beyond.getOrDefault(h.id().toString(), Beyond.NONE);
            if (format == LogFormat.FULL) {
                w.entry(h, b, true, evidence.getOrDefault(h.id().toString(), List.of()));
                w.line("---").line("");
            } else if (listed(h, completedSince)) {
                w.oneLine(h, b);
            }
        }
        if (format == LogFormat.LOG) {
            w.line("---").line("");
        }
        w.blocks(blocks, PageBlock.after("completed"));
        w.patterns(types, signs, blocks);
        w.line("");
        w.blocks(blocks, PageBlock.after("patterns"));
        if (format == LogFormat.FULL && register != null) {
            w.line("## Risk Register").line("");
            register.table().forEach(w::line);
            w.line("").line("#### Register Details (not in the template)").line("");
            w.line("```json")
                    .line(Json.pretty(register.details()).replace("\r\n", "\n"))
                    .line("```")
                    .line("");
        }
        return w.out.toString().stripTrailing() + "\n";
    }

    private static List<String> textsAt(List<PageBlock> blocks, String place) {
        return blocks.stream()
                .filter(b -> b.place().equals(place))
                .map(PageBlock::text)
                .toList();
    }

    /** The page's own text kept at {@code place}, each block followed by a blank line. */
    private void blocks(List<PageBlock> blocks, String place) {
        for (String text : textsAt(blocks, place)) {
            line(text).line("");
        }
    }

    /** One record alone, in full template form. */
    static String one(Hotfix h, Beyond beyond) {
        LogWriter w = new LogWriter();
        w.entry(h, beyond, true, List.of());
        return w.out.toString();
    }

    /** An entry as the {@code log} form writes it where it stands: active in full, completed as one line. */
    static String logEntry(Hotfix h, Beyond beyond) {
        LogWriter w = new LogWriter();
        if (h.status() == Status.COMPLETED) {
            w.oneLine(h, beyond);
        } else {
            w.entry(h, beyond, false, List.of());
            w.line("---").line("");
        }
        return w.out.toString();
    }

    /** True when the {@code log} form lists this completed record (resolved since {@code completedSince}). */
    static boolean listed(Hotfix h, Instant completedSince) {
        return h.status() != Status.COMPLETED
                || completedAt(h) == null
                || !completedAt(h).isBefore(completedSince);
    }

    private static Instant completedAt(Hotfix h) {
        return h.timeline().resolvedAt() != null ? h.timeline().resolvedAt() : h.updatedAt();
    }

    private LogWriter line(String s) {
        out.append(s).append('\n');
        return this;
    }

    private void entry(Hotfix h, Beyond b, boolean full, List<LogEvidence.Ref> evidence) {
        line("### 🚨 [" + h.id() + "] " + LabelLineWriter.headingTitle(h.title()))
                .line("");
        ObjectNode json = HotfixJson.editable(h);
        List<List<Label>> groups = full ? Label.GROUPS : Label.GROUPS.subList(0, 4);
        for (int g = 0; g < groups.size(); g++) {
            String heading = Label.HEADINGS.get(g);
            if (!heading.isEmpty()) {
                line("#### " + heading).line("");
            }
            List<String> group = new ArrayList<>();
            for (Label l : groups.get(g)) {
                group.add(LabelLineWriter.labelLine(l, h, json));
            }
            block(group);
            line("");
            // After a blank line, so that no extra line reads back as the continuation of a value.
            List<String> extra = extrasOf(b, heading);
            if (!extra.isEmpty()) {
                block(extra);
                line("");
            }
            if (g == 3) {
                followUps(h, b);
            }
        }
        for (UnplacedText e : b.extras()) {
            if (e.section() == null) {
                line(e.text()).line("");
            }
        }
        if (full) {
            ObjectNode details = DetailsBlockWriter.details(h, json, b);
            if (!evidence.isEmpty()) {
                line("#### " + LogReader.EVIDENCE + " (not in the template)").line("");
                DetailsBlockWriter.evidence(evidence, details).forEach(this::line);
                line("");
            }
            line("#### " + LogReader.DETAILS + " (not in the template)").line("");
            line("```json")
                    .line(Json.pretty(details).replace("\r\n", "\n"))
                    .line("```")
                    .line("");
        }
    }

    private static List<String> extrasOf(Beyond b, String section) {
        List<String> out = new ArrayList<>();
        for (UnplacedText e : b.extras()) {
            if (section.equals(e.section())) {
                out.addAll(e.text().lines().toList());
            }
        }
        return out;
    }

    /** Lines of one group: an inline line ends in two spaces (a Markdown line break) when another follows. */
    private void block(List<String> group) {
        for (int i = 0; i < group.size(); i++) {
            String s = group.get(i);
            boolean inline = !s.contains("\n");
            boolean next = i + 1 < group.size() && !group.get(i + 1).contains("\n");
            line(inline && next ? s + "  " : s);
        }
    }

    private void followUps(Hotfix h, Beyond b) {
        line("#### Follow-up Required").line("");
        int i = 0;
        for (Map.Entry<FollowUpKind, FollowUp> e : h.followUps().entrySet()) {
            String desc = e.getValue().description();
            // A box ticked without words stays without: the template's placeholder after a tick would read as a
            // plan someone made ("for [Date] with [People]") and is not one.
            boolean done = e.getValue().done();
            String shown = desc != null && LabelLineWriter.followUpFits(desc)
                    ? desc
                    : done ? "" : FOLLOW_UP_PLACEHOLDERS.get(i);
            String sep = shown.isEmpty() ? "" : e.getKey() == FollowUpKind.POSTMORTEM ? " " : " - ";
            line("- [" + (done ? "x" : " ") + "] **" + e.getKey().label() + "**" + sep + shown);
            i++;
        }
        extrasOf(b, "Follow-up Required").forEach(this::line);
        line("");
    }

    /** A completed entry as the template's one-line summary. */
    private void oneLine(Hotfix h, Beyond b) {
        Instant at = h.timeline().detectedAt() != null
                ? h.timeline().detectedAt()
                : h.timeline().resolvedAt();
        List<String> written = extrasOf(b, UnplacedText.PAGE_DATE);
        String day = at != null
                ? at.atZone(ZoneOffset.UTC).toLocalDate().toString()
                : written.isEmpty() ? null : written.get(0);
        line("### 🚨 [" + h.id() + "] " + LabelLineWriter.headingTitle(h.title()) + (day == null ? "" : " - " + day))
                .line("");
        Duration d = h.timeline().explicitDuration() != null
                ? h.timeline().explicitDuration()
                : h.timeline().total();
        line("**Duration:** " + (d == null ? "[Time to fix]" : ValueText.duration(d)) + " | **Follow-up:** "
                        + EntryValues.followUpStatus(h, b.followUpStatus()) + " | **Learning:** "
                        + oneLineText(h.text("learning"), "[Key insight]"))
                .line("");
        line("**Post-mortem:** " + oneLineText(h.text("postmortemUrl"), "[Link to full analysis]"))
                .line("");
    }

    private static String oneLineText(String v, String placeholder) {
        if (v == null || v.isBlank()) {
            return placeholder;
        }
        return ValueText.fitsInline(v) ? v : ValueText.oneLine(v);
    }

    private void patterns(List<EmergencyType> types, List<WarningSign> signs, List<PageBlock> blocks) {
        line("## Hotfix Patterns & Prevention").line("");
        blocks(blocks, PageBlock.in("patterns"));
        line("### Common Emergency Types").line("");
        blocks(blocks, PageBlock.in("types"));
        if (types.isEmpty()) {
            line("- **Type 1:** [e.g., Database connection failures] - **Prevention:** [Strategy]");
        }
        for (int i = 0; i < types.size(); i++) {
            EmergencyType t = types.get(i);
            line("- **Type " + (i + 1) + ":** " + t.name() + " - **Prevention:** "
                    + (t.prevention() == null ? "[Strategy]" : t.prevention()));
        }
        line("").line("### Warning Signs").line("");
        blocks(blocks, PageBlock.in("signs"));
        if (signs.isEmpty()) {
            line("- **Signal 1:** [Metric/behavior] → **Threshold:** [When to act]");
        }
        for (int i = 0; i < signs.size(); i++) {
            WarningSign s = signs.get(i);
            line("- **Signal " + (i + 1) + ":** " + s.signal() + " → **Threshold:** "
                    + (s.threshold() == null ? "[When to act]" : s.threshold()));
        }
    }
}
