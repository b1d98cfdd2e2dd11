package dev.hotfixlog.markdown;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.CustomField;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.ImportItem;
import dev.hotfixlog.text.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A team's own fields in the log, as people write them: a bold label line each ({@code **Region:** eu}), under the
 * entry's opening lines (after Who). The reader keeps lines it does not know as the entry's own text; those that
 * name a team field become its value again on import. Several lines of text are written on one, with {@code <br>}
 * where the lines broke (GitHub shows it as a break); a yes/no as yes or no; many choices with commas.
 */
final class TeamFieldLines {
    private static final String BREAK = "<br>";
    private final CustomFields team;

    TeamFieldLines(CustomFields team) {
        this.team = team;
    }

    /** The record's team fields as the entry's opening lines, before its other extras; none when it has none. */
    List<UnplacedText> withTeamLines(Hotfix h, List<UnplacedText> extras) {
        List<String> lines = new ArrayList<>();
        for (CustomField f : team.all()) {
            Object v = h.fields().get(f.name());
            if (v != null) {
                lines.add("**" + f.label() + ":** " + text(v));
            }
        }
        if (lines.isEmpty()) {
            return extras;
        }
        List<UnplacedText> out = new ArrayList<>();
        out.add(new UnplacedText("", String.join("\n", lines)));
        out.addAll(extras);
        return out;
    }

    private static String text(Object v) {
        return CustomFields.text(v).replace("\r\n", "\n").replace("\n", BREAK);
    }

    /** The entries with their team field lines taken out of their extras and into their fields. */
    List<PageEntry> take(List<PageEntry> entries) {
        if (team.isEmpty()) {
            return entries;
        }
        List<PageEntry> out = new ArrayList<>(entries.size());
        for (PageEntry e : entries) {
            ObjectNode fields = e.item().fields().deepCopy();
            List<UnplacedText> kept = new ArrayList<>();
            for (UnplacedText x : e.extras()) {
                List<String> rest = new ArrayList<>();
                for (String line : Split.on(x.text(), "\n", -1)) {
                    LabelLine l = LabelLine.bold(line);
                    CustomField f = l == null ? null : field(l.name());
                    if (f == null) {
                        rest.add(line);
                    } else {
                        ObjectNode team = fields.get("fields") instanceof ObjectNode o ? o : fields.putObject("fields");
                        team.set(f.name(), f.fromText(l.rest().replace(BREAK, "\n")));
                    }
                }
                String text = String.join("\n", rest).strip();
                if (!text.isEmpty()) {
                    kept.add(new UnplacedText(
                            x.section(), rest.size() == Split.on(x.text(), "\n", -1).length ? x.text() : text));
                }
            }
            ImportItem i = e.item();
            out.add(new PageEntry(
                    new ImportItem(
                            i.line(),
                            i.id(),
                            fields,
                            i.status(),
                            i.fullRecord(),
                            i.day(),
                            i.sameIncident(),
                            i.revisions()),
                    e.followUpStatus(),
                    kept,
                    e.history(),
                    e.evidence(),
                    e.lines()));
        }
        return out;
    }

    private CustomField field(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        for (CustomField f : team.all()) {
            if (f.label().toLowerCase(Locale.ROOT).equals(l)
                    || f.name().toLowerCase(Locale.ROOT).equals(l)) {
                return f;
            }
        }
        return null;
    }
}
