package dev.hotfixlog.attachment;

import dev.hotfixlog.error.TooLargeException;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.migrate.KeptDocuments;
import dev.hotfixlog.security.SecretRedactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A migrated record's source document, kept on its hotfix through the one cleaning path every file takes (the
 * size limits, the type sniff, the redactor), stored in the migration's transaction with the record's link, so it
 * is kept once for each version of the document the migration saw. A page's documents are stored together.
 */
public final class SourceDocuments implements KeptDocuments {
    private final FileCleaner cleaning;

    public SourceDocuments(SecretRedactor redactor, long maxFile, long maxRecord) {
        this.cleaning = new FileCleaner(redactor, maxFile, maxRecord);
    }

    /** A document as it will be stored, or why it will not be. */
    private record Ready(Upload masked, FileCleaner.Clean clean, String refusal) implements Cleaned {}

    @Override
    public Cleaned clean(String fileName, String note, byte[] json) {
        try {
            FileCleaner.Clean c = cleaning.clean(fileName, json);
            return new Ready(new Upload(cleaning.mask(fileName), cleaning.mask(note), c.bytes()), c, null);
        } catch (TooLargeException e) {
            return new Ready(null, null, e.getMessage());
        }
    }

    @Override
    public List<String> keepAll(Handle h, List<Keep> documents, String actor, Instant at) {
        List<String> notes = new ArrayList<>();
        List<FileCleaner.Placed> files = new ArrayList<>();
        for (Keep k : documents) {
            Ready r = (Ready) k.document();
            if (r.refusal() != null) {
                notes.add(k.hotfixId() + ": its source document was not kept as evidence: " + r.refusal());
            } else {
                files.add(new FileCleaner.Placed(Owner.hotfix(HotfixId.parse(k.hotfixId())), r.masked(), r.clean()));
            }
        }
        for (String refused : cleaning.storeAll(h, files, cleaning.mask(actor), at.toEpochMilli())) {
            notes.add("its source document was not kept as evidence: " + refused);
        }
        return notes;
    }
}
