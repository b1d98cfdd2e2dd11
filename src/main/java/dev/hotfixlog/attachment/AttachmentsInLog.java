package dev.hotfixlog.attachment;

import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.markdown.LogEvidence;
import dev.hotfixlog.security.SecretRedactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The evidence side of a full Markdown export and its import: each hotfix's live attachments listed as files named
 * by their SHA-256 in the page's folder, and brought back through the same cleaning as an upload, in the import's
 * transaction. A file whose cleaned bytes are not what its name says is refused, naming the file: byte for byte
 * or not at all.
 */
public final class AttachmentsInLog implements LogEvidence {
    private final AttachmentRepository repo = new AttachmentRepository();
    private final FileCleaner cleaning;

    public AttachmentsInLog(SecretRedactor redactor, long maxFile, long maxRecord) {
        this.cleaning = new FileCleaner(redactor, maxFile, maxRecord);
    }

    @Override
    public Map<String, List<Ref>> all(Handle h) {
        Map<String, List<Ref>> out = new LinkedHashMap<>();
        for (Attachment a : repo.allLive(h, Owner.Kind.HOTFIX)) {
            out.computeIfAbsent(a.owner().id(), k -> new ArrayList<>())
                    .add(new Ref(file(a), a.fileName(), a.note(), a.sha256(), a.addedBy(), a.addedAt()));
        }
        return out;
    }

    /** Where a full export keeps an attachment's bytes: named by their hash, never by the sender's name. */
    static String file(Attachment a) {
        return FOLDER + "/" + a.sha256() + "." + a.type().extension();
    }

    @Override
    public List<String> restore(Handle h, String hotfixId, List<Ref> refs, Files files, String actor) {
        Owner owner = Owner.hotfix(HotfixId.parse(hotfixId));
        List<String> notes = new ArrayList<>();
        for (Ref r : refs) {
            if (repo.held(h, owner, r.sha256(), r.addedAt().toEpochMilli()).isPresent()) {
                continue; // imported before, or attached since: once is enough
            }
            byte[] bytes = files.read(r.file());
            if (bytes == null) {
                notes.add(owner + ": " + r.file() + " (" + r.fileName() + ") is not beside the page; not attached");
                continue;
            }
            FileCleaner.Clean c = cleaning.clean(r.fileName(), bytes);
            if (!c.sha256().equals(r.sha256())) {
                throw ValidationException.of(
                        r.file(), "is not the file the page names: its content's SHA-256 is " + c.sha256());
            }
            Upload masked = new Upload(cleaning.mask(r.fileName()), cleaning.mask(r.note()), c.bytes());
            cleaning.store(
                    h, owner, masked, c, cleaning.mask(r.addedBy()), r.addedAt().toEpochMilli());
        }
        return notes;
    }
}
