package dev.hotfixlog.hotfix;

import java.util.List;
import java.util.function.Function;

/**
 * What other features show on a record's page (the messages sent about it), as HTML they rendered with their own
 * escaping templates, and the moments they know of it (its alerts and deploys) for the drawn timeline. The record
 * feature does not know them: {@code App} hands this in, as with {@link RecordMarkdown}.
 */
@FunctionalInterface
public interface RecordPanels {
    RecordPanels NONE = h -> "";

    String html(Hotfix h);

    /** The record's alerts and deploys, for its timeline; none unless given ({@link #of}). */
    default List<TimelineMark> marks(Hotfix h) {
        return List.of();
    }

    /** Panels whose HTML comes from {@code html} and whose timeline marks from {@code marks}. */
    static RecordPanels of(RecordPanels html, Function<Hotfix, List<TimelineMark>> marks) {
        return new RecordPanels() {
            @Override
            public String html(Hotfix h) {
                return html.html(h);
            }

            @Override
            public List<TimelineMark> marks(Hotfix h) {
                return marks.apply(h);
            }
        };
    }
}
