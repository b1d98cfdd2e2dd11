package dev.hotfixlog.attachment;

import dev.hotfixlog.error.TooLargeException;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.migrate.KeptDocuments;
import dev.hotfixlog.security.SecretRedactor;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * A migrated record's source document, kept on its hotfix through the one cleaning path every file takes (the
 * size limits, the type sniff, the redactor), in the migration's transaction. The same bytes kept again (a second
 * run) are stored once.
 */
public final class SourceDocuments implements KeptDocuments {
    private final Cleaning cleaning;
    private final AttachmentRepository repo = new AttachmentRepository();

    public SourceDocuments(SecretRedactor redactor, long maxFile, long maxRecord) {
        this.cleaning = new Cleaning(redactor, maxFile, maxRecord);
    }

    @Override
    public String keep(Handle h, String hotfixId, String fileName, String note, byte[] json, String actor,
                       Instant at) {
        Owner owner = Owner.hotfix(HotfixId.parse(hotfixId));
        try {
            Cleaning.Clean c = cleaning.clean(fileName, json);
            if (repo.held(h, owner, c.sha256(), at.toEpochMilli()).isPresent()) {
                return null;
            }
            Upload masked = new Upload(cleaning.mask(fileName), cleaning.mask(note), c.bytes());
            cleaning.store(h, owner, masked, c, cleaning.mask(actor), at.toEpochMilli());
            return null;
        } catch (TooLargeException e) {
            return hotfixId + ": its source document was not kept as evidence: " + e.getMessage();
        }
    }
}
