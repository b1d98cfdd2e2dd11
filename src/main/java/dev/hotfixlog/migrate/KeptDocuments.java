package dev.hotfixlog.migrate;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Where a source record's whole document is kept as evidence on its hotfix. The attachment feature implements it
 * (through its one cleaning path: size, type, redaction); {@code App} hands it in. The cleaning is done apart from
 * the keeping, so a migration cleans the next page's documents while this page's transaction runs, and a page's
 * documents are kept together, in a few statements.
 */
public interface KeptDocuments {
    /** A document cleaned and ready to keep; what it holds is the implementation's. */
    interface Cleaned {}

    /** One document for one hotfix. */
    record Keep(String hotfixId, Cleaned document) {}

    /** Cleans {@code json} for keeping (limit, type, redaction), outside any transaction. */
    Cleaned clean(String fileName, String note, byte[] json);

    /** Keeps each document on its hotfix, in the caller's transaction; a note for each it could not keep. */
    List<String> keepAll(Handle h, List<Keep> documents, String actor, Instant at);
}
