package dev.hotfixlog.search;

import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import java.util.List;

/**
 * Full-text search across hotfixes and lessons with the database's own engine (SQLite FTS5, PostgreSQL
 * tsvector), and "similar past fixes". The CLI, the REST API and the pages call this; {@link LocalSearchService}
 * runs it on the database, {@link SearchApiClient} against a server.
 */
public interface SearchService {
    /** Best first; empty for a query with no words. */
    List<SearchHit> search(SearchQuery query);

    /**
     * The hotfixes detected before this one and the lessons most like it, best first: its title, problem,
     * category, root cause and affected systems as an any-of query, ranked by the engine (README, "Similar past
     * fixes").
     */
    List<SearchHit> similar(HotfixId hotfix, int limit);

    /** {@link #similar(HotfixId, int)} for a record the caller already holds (the record page): not read again. */
    List<SearchHit> similar(Hotfix hotfix, int limit);

    /**
     * The hotfixes and lessons most like a description not saved yet (a hotfix being declared), by the same
     * any-of query as {@link #similar}; the description's words in the order they say most (title first).
     */
    List<SearchHit> similarTo(String description, int limit);
}
