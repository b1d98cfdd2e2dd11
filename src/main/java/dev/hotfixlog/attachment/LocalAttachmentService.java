package dev.hotfixlog.attachment;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.ConflictException;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.lesson.LessonId;
import dev.hotfixlog.lesson.LessonService;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@link AttachmentService} on the database. The work a file causes is bounded before any of it runs: the size
 * limit first, then the sniff (a fixed window), then one pass to clean it. Text goes through the one redactor like
 * every text of the log; images lose their metadata. The hash is taken of what is stored, so the same screenshot
 * twice is stored once. The owner is read through its own feature's service.
 */
public final class LocalAttachmentService implements AttachmentService {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private final Database db;
    private final Clock clock;
    private final HotfixService hotfixes;
    private final LessonService lessons;
    private final AttachmentRepository repo = new AttachmentRepository();
    private final FileCleaner cleaning;

    public LocalAttachmentService(
            Database db,
            Clock clock,
            SecretRedactor redactor,
            HotfixService hotfixes,
            LessonService lessons,
            long maxFile,
            long maxRecord) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hotfixes = Objects.requireNonNull(hotfixes, "hotfixes");
        this.lessons = Objects.requireNonNull(lessons, "lessons");
        this.cleaning = new FileCleaner(Objects.requireNonNull(redactor, "redactor"), maxFile, maxRecord);
    }

    @Override
    public List<Attachment> list(Owner owner, boolean withDeleted) {
        requireOwner(owner);
        return db.read(h -> repo.list(h, owner, withDeleted));
    }

    @Override
    public Attachment add(Owner owner, Upload upload, String actor) {
        cleaning.requireWithinLimit(upload.fileName(), upload.bytes().length); // before the owner is looked up
        requireOwner(owner);
        FileCleaner.Clean c = cleaning.clean(upload.fileName(), upload.bytes());
        Upload masked = new Upload(cleaning.mask(upload.fileName()), cleaning.mask(upload.note()), c.bytes());
        String who = cleaning.mask(actor);
        long now = clock.millis();
        long id = db.write(h -> cleaning.store(h, owner, masked, c, who, now));
        // What was written, as it was written: no second read of the row.
        return new Attachment(
                id,
                owner,
                masked.fileName(),
                masked.note(),
                c.type(),
                c.bytes().length,
                c.sha256(),
                c.preview(),
                who,
                Instant.ofEpochMilli(now),
                null,
                null,
                null);
    }

    @Override
    public StoredFile contentOf(String sha256) {
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new NotFoundException(
                    "no attachment content " + SecretRedactor.quoted(sha256) + "; contents are named by SHA-256 hex");
        }
        return db.read(h -> repo.heldBy(h, sha256)
                        .flatMap(a -> repo.bytes(h, sha256).map(b -> new StoredFile(a, b))))
                .orElseThrow(() -> new NotFoundException("no live attachment holds content " + sha256));
    }

    @Override
    public Attachment get(long id) {
        return db.read(h -> repo.find(h, id)).orElseThrow(() -> new NotFoundException("no attachment " + id));
    }

    @Override
    public StoredFile content(long id) {
        StoredFile f = db.read(h -> {
            Attachment a = repo.find(h, id).orElseThrow(() -> new NotFoundException("no attachment " + id));
            if (a.deleted()) {
                throw new NotFoundException("attachment " + id + " (" + a.fileName() + ") was deleted by "
                        + a.deletedBy() + ": " + a.deleteReason());
            }
            byte[] bytes = repo.bytes(h, a.sha256())
                    .orElseThrow(() -> new NotFoundException("attachment " + id + " has no stored bytes"));
            return new StoredFile(a, bytes);
        });
        if (f.attachment().owner().kind() == Owner.Kind.LESSON) {
            // A deleted lesson does not tell this feature (a hotfix does, through the record listener): its
            // evidence is not served once it is gone.
            requireOwner(f.attachment().owner());
        }
        return f;
    }

    @Override
    public Attachment delete(long id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of(
                    "reason",
                    "is required: why the evidence is deleted (pasted by mistake, " + "holds personal data, …)");
        }
        if (reason.length() > Upload.MAX_NOTE) {
            throw ValidationException.of("reason", "must be at most " + Upload.MAX_NOTE + " characters");
        }
        String why = mask(reason.strip());
        String who = mask(actor);
        long now = clock.millis();
        db.write(h -> {
            Attachment a = repo.find(h, id).orElseThrow(() -> new NotFoundException("no attachment " + id));
            if (!repo.markDeleted(h, id, who, why, now)) {
                throw new ConflictException("attachment " + id + " is already deleted");
            }
            repo.forgetUnheld(h, a.sha256());
            return null;
        });
        return get(id);
    }

    private void requireOwner(Owner owner) {
        if (owner.kind() == Owner.Kind.HOTFIX) {
            hotfixes.get(HotfixId.parse(owner.id()));
        } else {
            lessons.get(LessonId.parse(owner.id()));
        }
    }

    private String mask(String text) {
        return cleaning.mask(text);
    }
}
