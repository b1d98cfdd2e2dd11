package dev.hotfixlog.attachment;

import java.util.List;

/**
 * Evidence attached to hotfixes and lessons. The API, the CLI and the pages call this; the CLI's remote mode is
 * {@link AttachmentApiClient}.
 */
public interface AttachmentService {
    /** The owner's attachments, oldest first; deleted ones too when asked (they say what existed). */
    List<Attachment> list(Owner owner, boolean withDeleted);

    /**
     * Sniffs, cleans and stores one file on a hotfix or lesson: refused (415) unless its bytes are an allowed
     * type, refused (413) over the per-file or per-record limit; images lose their metadata and text is
     * redacted before its hash is taken.
     */
    Attachment add(Owner owner, Upload upload, String actor);

    Attachment get(long id);

    /** Content by its SHA-256, as a full export's folder names it, with the first live attachment holding it. */
    StoredFile contentOf(String sha256);

    /** The attachment with its bytes; a deleted one has none (404). */
    StoredFile content(long id);

    /** Deletes it: its bytes go when nothing else holds them, what it was stays, with who and why. */
    Attachment delete(long id, String reason, String actor);
}
