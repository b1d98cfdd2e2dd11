package dev.hotfixlog.markdown;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The evidence a full export carries beside its page (a folder of files named by their SHA-256, linked from each
 * record) and an import brings back, in the import's own transaction. The Markdown feature does not know how
 * files are kept: {@code App} hands in the attachment feature's side of it.
 */
public interface LogEvidence {
    /** The folder beside the page that holds the files. */
    String FOLDER = "attachments";

    LogEvidence NONE = new LogEvidence() {
        @Override
        public Map<String, List<Ref>> all(Handle h) {
            return Map.of();
        }

        @Override
        public List<String> restore(Handle h, String hotfixId, List<Ref> refs, Files files, String actor) {
            return refs.isEmpty() ? List.of() : List.of(hotfixId + ": " + refs.size() + " attachments not brought in");
        }
    };

    /** Each hotfix's live evidence, by hotfix id, oldest first: what the full export lists. */
    Map<String, List<Ref>> all(Handle h);

    /**
     * Brings one hotfix's evidence back from the page's folder: each file through the same checks as an upload,
     * and its hash must be its name's. What the hotfix already holds is left as it is. Returns notes (a file not
     * beside the page); a file that is not what its name says is an error naming it.
     */
    List<String> restore(Handle h, String hotfixId, List<Ref> refs, Files files, String actor);

    /** One file of a record's evidence, as the page lists it. */
    record Ref(String file, String fileName, String note, String sha256, String addedBy, Instant addedAt) {}

    /** The files beside a page, by their path relative to it; null when there is none such. */
    @FunctionalInterface
    interface Files {
        Files NONE = path -> null;

        byte[] read(String relativePath);
    }
}
