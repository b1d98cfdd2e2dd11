package dev.hotfixlog.attachment;

import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.TooLargeException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.lesson.LessonId;
import dev.hotfixlog.lesson.LessonService;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.security.Sha256;
import dev.hotfixlog.store.Database;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
    static final int PREVIEW_LINES = 8;
    static final int PREVIEW_LINE_CHARS = 200;
    private final Database db;
    private final Clock clock;
    private final SecretRedactor redactor;
    private final HotfixService hotfixes;
    private final LessonService lessons;
    private final long maxFile;
    private final long maxRecord;
    private final AttachmentRepository repo = new AttachmentRepository();

    public LocalAttachmentService(Database db, Clock clock, SecretRedactor redactor, HotfixService hotfixes,
                                  LessonService lessons, long maxFile, long maxRecord) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.hotfixes = Objects.requireNonNull(hotfixes, "hotfixes");
        this.lessons = Objects.requireNonNull(lessons, "lessons");
        this.maxFile = maxFile;
        this.maxRecord = maxRecord;
    }

    public long maxFile() {
        return maxFile;
    }

    @Override
    public List<Attachment> list(Owner owner, boolean withDeleted) {
        requireOwner(owner);
        return db.read(h -> repo.list(h, owner, withDeleted));
    }

    @Override
    public Attachment add(Owner owner, Upload upload, String actor) {
        if (upload.bytes().length > maxFile) {
            throw new TooLargeException("file: " + upload.fileName() + " is " + size(upload.bytes().length)
                    + "; an attachment may be at most " + size(maxFile) + " (HOTFIX_ATTACH_MAX_FILE)");
        }
        requireOwner(owner);
        FileType type = Sniffer.sniff(upload.bytes());
        String text = type.isText() ? redactor.redact(decode(upload.bytes())).text() : null;
        byte[] stored = text != null ? text.getBytes(StandardCharsets.UTF_8) : Scrubber.scrub(type, upload.bytes());
        String preview = text != null ? preview(text) : null;
        String sha = Sha256.hex(stored);
        Upload masked = new Upload(mask(upload.fileName()), mask(upload.note()), stored);
        String who = mask(actor);
        long now = clock.millis();
        Instant at = Instant.ofEpochMilli(now);
        long id = db.write(h -> {
            long used = repo.used(h, owner);
            if (used + stored.length > maxRecord) {
                throw new TooLargeException("file: " + owner + " holds " + size(used) + " of attachments; with "
                        + masked.fileName() + " (" + size(stored.length) + ") it would pass its limit of "
                        + size(maxRecord) + " (HOTFIX_ATTACH_MAX_RECORD); delete one first");
            }
            repo.putContent(h, sha, stored, now);
            return repo.insert(h, owner, masked, type, stored.length, sha, preview, who, now);
        });
        // What was written, as it was written: no second read of the row.
        return new Attachment(id, owner, masked.fileName(), masked.note(), type, stored.length, sha, preview, who, at,
                null, null, null);
    }

    @Override
    public Attachment get(long id) {
        return db.read(h -> repo.find(h, id)).orElseThrow(() -> new NotFoundException("no attachment " + id));
    }

    @Override
    public StoredFile content(long id) {
        return db.read(h -> {
            Attachment a = repo.find(h, id).orElseThrow(() -> new NotFoundException("no attachment " + id));
            if (a.deleted()) {
                throw new NotFoundException("attachment " + id + " (" + a.fileName() + ") was deleted by "
                        + a.deletedBy() + ": " + a.deleteReason());
            }
            byte[] bytes = repo.bytes(h, a.sha256()).orElseThrow(() -> new NotFoundException("attachment " + id
                    + " has no stored bytes"));
            return new StoredFile(a, bytes);
        });
    }

    @Override
    public Attachment delete(long id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "is required: why the evidence is deleted (pasted by mistake, "
                    + "holds personal data, …)");
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
                throw new dev.hotfixlog.error.ConflictException("attachment " + id + " is already deleted");
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

    /** UTF-8 (a byte-order mark dropped); a stray byte of another encoding reads as U+FFFD, not a refusal. */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ValidationException.of("file", "cannot be read as text: " + e.getMessage());
        }
    }

    /** The first lines of a text as a page shows them: terminal colours out, each line and the whole cut short. */
    static String preview(String text) {
        StringBuilder out = new StringBuilder();
        int lines = 0;
        int at = 0;
        while (lines < PREVIEW_LINES && at < text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            String line = withoutEscapes(text.substring(at, Math.min(end, at + PREVIEW_LINE_CHARS * 4)));
            if (line.length() > PREVIEW_LINE_CHARS) {
                line = line.substring(0, PREVIEW_LINE_CHARS) + "…";
            }
            out.append(lines == 0 ? "" : "\n").append(line.stripTrailing());
            lines++;
            at = end + 1;
        }
        return out.toString();
    }

    private static String withoutEscapes(String line) {
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == 0x1B) { // ESC [ … final letter: a terminal colour
                int j = i + 1;
                if (j < line.length() && line.charAt(j) == '[') {
                    j++;
                    while (j < line.length() && !Character.isLetter(line.charAt(j))) {
                        j++;
                    }
                }
                i = j;
                continue;
            }
            if (c == '\t') {
                b.append("    ");
            } else if (c >= 0x20 && c != 0x7F) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private String mask(String text) {
        return text == null ? null : redactor.redact(text).text();
    }

    private static String size(long bytes) {
        return Attachment.sizeText(bytes);
    }
}
