package dev.hotfixlog.attachment;

import dev.hotfixlog.error.TooLargeException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.security.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The one path every file takes into the log, uploaded or imported with a page: the size limit first (before any
 * other work), the sniff (a fixed window), then one pass to clean it (an image's metadata out, a text through the
 * redactor), then its hash. Storing it counts against its owner's limit, in the caller's transaction.
 */
final class FileCleaner {
    static final int PREVIEW_LINES = 8;
    static final int PREVIEW_LINE_CHARS = 200;
    private final SecretRedactor redactor;
    private final long maxFile;
    private final long maxRecord;
    private final AttachmentRepository repo = new AttachmentRepository();

    /** A file made safe to keep: what it is, its bytes as stored, a text's first lines, the stored bytes' hash. */
    record Clean(FileType type, byte[] bytes, String preview, String sha256) {}

    FileCleaner(SecretRedactor redactor, long maxFile, long maxRecord) {
        this.redactor = redactor;
        this.maxFile = maxFile;
        this.maxRecord = maxRecord;
    }

    /** The per-file limit, the first thing checked: nothing else is looked at for a file past it. */
    void requireWithinLimit(String name, long size) {
        if (size > maxFile) {
            throw new TooLargeException("file: " + name + " is " + Attachment.sizeText(size)
                    + "; an attachment may be at most " + Attachment.sizeText(maxFile) + " (HOTFIX_ATTACH_MAX_FILE)");
        }
    }

    Clean clean(String name, byte[] raw) {
        requireWithinLimit(name, raw.length);
        FileType type = Sniffer.sniff(raw);
        String text = type.isText() ? redactor.redact(decode(raw)).text() : null;
        byte[] stored = text != null ? text.getBytes(StandardCharsets.UTF_8) : Scrubber.scrub(type, raw);
        return new Clean(type, stored, text != null ? preview(text) : null, Sha256.hex(stored));
    }

    /** Every text that goes with a file (its name, note, who) through the same redactor. */
    String mask(String text) {
        return text == null ? null : redactor.redact(text).text();
    }

    /** Stores a cleaned file on its owner, within the owner's limit; returns the attachment's id. */
    long store(Handle h, Owner owner, Upload masked, Clean c, String who, long at) {
        long used = repo.used(h, owner);
        if (used + c.bytes().length > maxRecord) {
            throw new TooLargeException("file: " + owner + " holds " + Attachment.sizeText(used)
                    + " of attachments; with " + masked.fileName() + " (" + Attachment.sizeText(c.bytes().length)
                    + ") it would pass its limit of " + Attachment.sizeText(maxRecord)
                    + " (HOTFIX_ATTACH_MAX_RECORD); delete one first");
        }
        repo.putContent(h, c.sha256(), c.bytes(), at);
        return repo.insert(h, owner, masked, c.type(), c.bytes().length, c.sha256(), c.preview(), who, at);
    }

    /** A file cleaned and masked, and the hotfix or lesson it goes on. */
    record Placed(Owner owner, Upload masked, Clean clean) {}

    /**
     * Stores many cleaned files, each within its owner's limit, in a few statements; returns a message for each
     * file that would pass its owner's limit (not stored). A migration keeps a page's source documents so.
     */
    List<String> storeAll(Handle h, List<Placed> files, String who, long at) {
        Map<String, Long> used = new HashMap<>(repo.used(
                h,
                Owner.Kind.HOTFIX,
                files.stream()
                        .filter(f -> f.owner().kind() == Owner.Kind.HOTFIX)
                        .map(f -> f.owner().id())
                        .distinct()
                        .toList()));
        List<String> refused = new ArrayList<>();
        List<AttachmentRepository.Row> rows = new ArrayList<>();
        for (Placed f : files) {
            if (f.owner().kind() != Owner.Kind.HOTFIX) {
                throw new IllegalArgumentException("only a hotfix's files are stored many at once");
            }
            long before = used.getOrDefault(f.owner().id(), 0L);
            long size = f.clean().bytes().length;
            if (before + size > maxRecord) {
                refused.add(f.owner() + " holds " + Attachment.sizeText(before) + " of attachments; with "
                        + f.masked().fileName() + " (" + Attachment.sizeText(size) + ") it would pass its limit of "
                        + Attachment.sizeText(maxRecord) + " (HOTFIX_ATTACH_MAX_RECORD)");
                continue;
            }
            used.put(f.owner().id(), before + size);
            rows.add(new AttachmentRepository.Row(
                    f.owner(),
                    f.masked(),
                    f.clean().type(),
                    f.clean().sha256(),
                    f.clean().preview(),
                    who,
                    at));
        }
        repo.insertAll(h, rows);
        return refused;
    }

    /** UTF-8 (a byte-order mark dropped); a stray byte of another encoding reads as U+FFFD, not a refusal. */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
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
}
