package dev.hotfixlog.lesson;

import java.util.List;

/**
 * A lesson's images for the field-notes site (its evidence: the graph that showed the failure). The lesson feature
 * does not keep files: {@code App} hands in the attachment feature's side of it.
 */
@FunctionalInterface
public interface LessonImages {
    LessonImages NONE = id -> List.of();

    List<Image> of(String lessonId);

    /** An image's bytes, named on the site by their SHA-256 (never by a person's file name), and its note. */
    record Image(String sha256, String extension, byte[] bytes, String note) {}
}
