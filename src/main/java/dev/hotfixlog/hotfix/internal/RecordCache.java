package dev.hotfixlog.hotfix.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import java.util.Optional;

/**
 * The last state this instance stored of recently written records, so that an edit of a record just written (a
 * responder stamping and filling in one record, section after section) starts from it instead of reading it back.
 *
 * <p>A copy is only ever a starting point, never an answer: the edit's {@code UPDATE … WHERE version = ? AND
 * updated_at = ?} stores nothing unless the row is still exactly the state copied (every write of a record and its
 * rows raises its version and sets its update time, in this instance or another on the same database). A copy that
 * no longer matches is forgotten and the edit is worked out again from a read. Reads for pages and the API never
 * come from here: another instance may have written since.
 */
final class RecordCache {
    /** Enough for every record an incident team touches in a day; a record is a few kilobytes. */
    private static final int RECORDS = 2_000;

    private final Cache<String, Hotfix> last =
            Caffeine.newBuilder().maximumSize(RECORDS).build();

    /** The copy of {@code id} if it is at {@code version}: what the edit based on that version starts from. */
    Optional<Hotfix> at(HotfixId id, int version) {
        Hotfix copy = last.getIfPresent(id.toString());
        return copy != null && copy.version() == version ? Optional.of(copy) : Optional.empty();
    }

    /** Keeps {@code stored}, the state a write just committed, unless a newer one is already kept. */
    Hotfix remember(Hotfix stored) {
        last.asMap().merge(stored.id().toString(), stored, (was, is) -> is.version() >= was.version() ? is : was);
        return stored;
    }

    void forget(HotfixId id) {
        last.invalidate(id.toString());
    }
}
