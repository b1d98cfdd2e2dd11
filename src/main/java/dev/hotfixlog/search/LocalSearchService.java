package dev.hotfixlog.search;

import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.store.Database;
import java.util.List;
import java.util.Objects;

/**
 * {@link SearchService} on the database's own full-text engine. SQLite: the FTS5 table {@code search_text}
 * (Porter stemming), ranked by bm25 with the title weighted 8 to the body's 1. PostgreSQL: the generated
 * {@code search} tsvector columns ('english'), ranked by {@code ts_rank} with the title as weight A (1.0) and the
 * body as B (0.4). Both kept by the database on every write (migration V15).
 */
public final class LocalSearchService implements SearchService {
    static final int SIMILAR_TERMS = 24;
    private final Database db;
    private final HotfixService hotfixes;
    private final SearchRepository repo = new SearchRepository();

    public LocalSearchService(Database db, HotfixService hotfixes) {
        this.db = Objects.requireNonNull(db, "db");
        this.hotfixes = Objects.requireNonNull(hotfixes, "hotfixes");
    }

    @Override
    public List<SearchHit> search(SearchQuery q) {
        List<String> words = q.words();
        if (words.isEmpty()) {
            return List.of();
        }
        return db.read(h -> repo.run(h, db.dialect(), words, false, q, null));
    }

    @Override
    public List<SearchHit> similar(HotfixId id, int limit) {
        return similar(hotfixes.get(id), limit);
    }

    @Override
    public List<SearchHit> similar(Hotfix x, int limit) {
        // The title, the type and the systems say most about what broke; the problem's words come last. At most
        // SIMILAR_TERMS words: the ranking's cost grows with words times candidates, and 16 already lost a hit
        // on the labelled fixture (README, "Search and similar past fixes").
        List<String> terms = Terms.significant(
                SIMILAR_TERMS,
                x.title(),
                x.text("category"),
                String.join(" ", x.systemsAffected()),
                x.text("rootCause"),
                x.text("problem"));
        return similar(terms, limit, x.id().number());
    }

    @Override
    public List<SearchHit> similarTo(String description, int limit) {
        return similar(Terms.significant(SIMILAR_TERMS, description), limit, null);
    }

    private List<SearchHit> similar(List<String> terms, int limit, Long before) {
        if (terms.isEmpty()) {
            return List.of();
        }
        // The query carries the limit only: the terms go to the engine as they are, however long together.
        SearchQuery q =
                new SearchQuery("", null, null, null, null, null, Math.max(1, Math.min(limit, SearchQuery.MAX_LIMIT)));
        return db.read(h -> repo.run(h, db.dialect(), terms, true, q, before));
    }
}
