package dev.hotfixlog.migrate;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Where a source record's whole document is kept as evidence on its hotfix, in the migration's transaction. The
 * attachment feature implements it (through its one cleaning path: size, type, redaction); {@code App} hands it in.
 */
@FunctionalInterface
public interface KeptDocuments {
    /** Keeps {@code json} on the hotfix; returns a note when it could not (too large, say), else null. */
    String keep(Handle h, String hotfixId, String fileName, String note, byte[] json, String actor, Instant at);
}
