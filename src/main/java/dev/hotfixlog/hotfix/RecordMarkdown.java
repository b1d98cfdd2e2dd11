package dev.hotfixlog.hotfix;

/**
 * One record as Markdown, for {@code GET /api/v1/hotfixes/{id}} with {@code Accept: text/markdown}. The Markdown
 * feature implements it; the record feature only asks, so the two stay one-way.
 */
@FunctionalInterface
public interface RecordMarkdown {
    String render(HotfixId id);
}
