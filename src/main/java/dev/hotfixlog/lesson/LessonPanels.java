package dev.hotfixlog.lesson;

/**
 * What other features show on a lesson's page (its evidence), as HTML they rendered with their own escaping
 * templates. The lesson feature does not know them: {@code App} hands this in, as the record's {@code RecordPanels}.
 */
@FunctionalInterface
public interface LessonPanels {
    LessonPanels NONE = l -> "";

    String html(Lesson lesson);
}
