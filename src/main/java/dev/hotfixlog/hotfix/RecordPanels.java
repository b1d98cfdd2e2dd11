package dev.hotfixlog.hotfix;

/**
 * What other features show on a record's page (the messages sent about it), as HTML they rendered with their own
 * escaping templates. The record feature does not know them: {@code App} hands this in, as with
 * {@link RecordMarkdown}.
 */
@FunctionalInterface
public interface RecordPanels {
    RecordPanels NONE = h -> "";

    String html(Hotfix h);
}
