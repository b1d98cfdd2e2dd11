package dev.hotfixlog.migrate;

import dev.hotfixlog.error.ValidationException;
import java.util.HashSet;
import java.util.Set;

/**
 * Stops a run whose source does not come to an end: one that gives the same next position twice (a {@code next}
 * link pointing back), one whose pages hold nothing but records it already gave ({@link #STALE_PAGES} in a row:
 * the offset moves but the list does not), and any run past its page limit. Every stop is an error naming why;
 * the pages before it are stored with the position after them.
 */
final class PagingGuard {
    /** Grafana OnCall lists newest first: a page seen again whole means 50 new groups arrived; three do not. */
    static final int STALE_PAGES = 3;
    /** A position longer than this is no page's address (an OnCall {@code next} link is under 200). */
    static final int MAX_POSITION_CHARS = 4_096;

    private final int maxPages;
    private final Set<String> positions = new HashSet<>();
    private int stale;

    PagingGuard(int maxPages, String start) {
        this.maxPages = maxPages;
        if (start != null) {
            positions.add(start);
        }
    }

    /** True when the page after {@code pages} read ones, at {@code next}, may be read. */
    boolean mayRead(int pages, String next) {
        return next != null && pages < maxPages && next.length() <= MAX_POSITION_CHARS && !positions.contains(next);
    }

    /**
     * After a page is stored: {@code records} it held, {@code fresh} of them not seen before in this run, and the
     * position it gave ({@code null}: it was the last). Throws when the run must stop here.
     */
    void check(int pages, String next, int records, int fresh) {
        if (next == null) {
            return;
        }
        if (next.length() > MAX_POSITION_CHARS) {
            throw ValidationException.of(
                    "page",
                    "the source gave a next page position of " + next.length()
                            + " characters; no page's address is that long, so the run stops here");
        }
        if (!positions.add(next)) {
            throw ValidationException.of(
                    "page",
                    "the source gave the same next page twice (" + MigrationRequest.origin(next)
                            + "): it is not moving on, so the run stops here");
        }
        stale = records > 0 && fresh == 0 ? stale + 1 : 0;
        if (stale >= STALE_PAGES) {
            throw ValidationException.of(
                    "page",
                    "the source's last " + STALE_PAGES + " pages held only records it "
                            + "had already given: it is not moving on, so the run stops here");
        }
        if (pages >= maxPages) {
            throw ValidationException.of(
                    "page", "read " + maxPages + " pages, the most one run reads " + "(--max-pages " + maxPages + ")");
        }
    }
}
