package dev.hotfixlog.markdown;

import com.google.re2j.Pattern;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.RecordPanels;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.web.Pages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record page's "From the log page" panel: what a hand-kept log held for this hotfix beyond the template's
 * labels (a team's own "Timeline", "Customer comms", a line under "The Fix"), shown as written. Markdown owns
 * that text (table {@code hotfix_markdown}), so it shows it; the record feature only places the panel.
 */
public final class LogSectionsPanel implements RecordPanels {
    // [[:space:]] is Java's \s (vertical tab included); RE2/J's \s leaves it out.
    private static final Pattern OPENING_MARKS = Pattern.compile("^#+[[:space:]]*");
    private static final Pattern CLOSING_MARKS = Pattern.compile("[[:space:]]*#*[[:space:]]*$");
    private final Database db;
    private final Pages pages;
    private final MarkdownRepository repo = new MarkdownRepository();

    public LogSectionsPanel(Database db, Pages pages) {
        this.db = db;
        this.pages = pages;
    }

    /** One kept block: its heading (its own, or the template section it stood in) and its lines. */
    public record Section(String heading, String text, boolean own) {}

    @Override
    public String html(Hotfix h) {
        List<UnplacedText> extras =
                db.read(handle -> repo.beyond(handle, h.id().toString())).extras();
        if (extras.isEmpty()) {
            return "";
        }
        List<Section> sections = new ArrayList<>();
        for (UnplacedText e : extras) {
            if (e.section() == null) {
                int nl = e.text().indexOf('\n');
                String first = nl < 0 ? e.text() : e.text().substring(0, nl);
                String heading = CLOSING_MARKS
                        .matcher(OPENING_MARKS.matcher(first).replaceFirst(""))
                        .replaceFirst("");
                sections.add(new Section(
                        heading, nl < 0 ? "" : e.text().substring(nl + 1).strip(), true));
            } else {
                sections.add(new Section(e.section(), e.text(), false));
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sections", sections);
        return pages.html("log-sections.jte", p);
    }
}
