package dev.hotfixlog.hotfix;

import dev.hotfixlog.json.MergePatch;
import java.util.List;

/**
 * The hotfix record's one service: the CLI, the REST API and the web pages all call this.
 * {@link LocalHotfixes} runs it on the database; {@code hotfix.web.HotfixApiClient} runs it against a remote server's
 * REST API, so the CLI's {@code --server} mode is the same code path with another implementation.
 *
 * <p>Edits are JSON merge patches of the record's editable fields (see {@link HotfixJson#EDITABLE_FIELDS}).
 * Errors: {@code ValidationException} (bad input, every field listed), {@code NotFoundException},
 * {@code ConflictException} (illegal lifecycle move), {@code StaleVersionException}, {@code StorageException}.
 * Every method that changes something does it in one transaction, and appends one revision to the history.
 */
public interface HotfixService {
    /** Declares a new hotfix; {@code title} and {@code severity} are the only required fields. */
    default Hotfix create(MergePatch fields, String actor) {
        return create(fields, actor, null);
    }

    /**
     * Declares a new hotfix at most once per {@code idempotencyKey} and actor: sending the same request again
     * (a double click, a retry after a timeout) returns the hotfix the first one made. The same key with a
     * different request is refused. A null key means no such protection.
     */
    Hotfix create(MergePatch fields, String actor, String idempotencyKey);

    Hotfix get(HotfixId id);

    HotfixPage list(HotfixQuery query);

    /** Applies {@code patch} if the record is still at {@code expectedVersion}. */
    Hotfix edit(HotfixId id, int expectedVersion, MergePatch patch, String actor);

    /**
     * Applies a typed edit if the record is still at {@code expectedVersion}: what features in this process use
     * instead of assembling a merge patch. The same rules, stamps and history as the patch it stands for, which is
     * what a service over HTTP sends.
     */
    default Hotfix edit(HotfixId id, int expectedVersion, RecordEdit edit, String actor) {
        return edit(id, expectedVersion, edit.asPatch(), actor);
    }

    Hotfix record(HotfixId id, LifecycleEvent event, String actor);

    List<Revision> history(HotfixId id);

    /**
     * Removes a hotfix with its history (an entry made by mistake, or one that must be purged). Admins only, at
     * the API; the audit log keeps the fact that it was deleted, by whom and when.
     */
    void delete(HotfixId id, String actor);

    /** The team's own fields ({@code HOTFIX_FIELDS}): their names, types, choices, whether required. */
    CustomFields customFields();
}
