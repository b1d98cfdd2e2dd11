package dev.hotfixlog.attachment;

import java.time.Instant;
import java.util.Locale;

/**
 * One piece of evidence on a hotfix or a lesson: what it was called (cleaned, never a path), the note, what its
 * bytes are, their size and SHA-256 (the content's address: the same screenshot twice is stored once), the first
 * lines of a text, who added it and when. A deleted one keeps all of this but its bytes, and says who deleted it
 * and why.
 */
public record Attachment(
        long id,
        Owner owner,
        String fileName,
        String note,
        FileType type,
        long size,
        String sha256,
        String preview,
        String addedBy,
        Instant addedAt,
        Instant deletedAt,
        String deletedBy,
        String deleteReason) {

    public boolean deleted() {
        return deletedAt != null;
    }

    /** The name it is served and exported under: the cleaned name, ending in its sniffed type's extension. */
    public String servedName() {
        String ext = "." + type.extension();
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(ext)
                || (type == FileType.JPEG && lower.endsWith(".jpeg"))
                || (type.isText() && lower.endsWith(".log"))) {
            return fileName;
        }
        return fileName + ext;
    }

    /** A short readable size: 512 B, 300 KB, 4.2 MB. */
    public String sizeText() {
        return sizeText(size);
    }

    static String sizeText(long size) {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return (size / 1024) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }
}
