package dev.hotfixlog.attachment;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.security.SecretRedactor;
import java.util.ArrayList;
import java.util.List;

/**
 * A file as a person hands it in: the name their machine gave it, an optional note ("5xx at 02:17"), the bytes.
 * The name is cleaned once, here: only its last segment is kept (no folder, no {@code ..}), without control,
 * bidirectional or path characters, at most {@link #MAX_NAME} characters with its extension kept. It is a label
 * shown and sent in {@code Content-Disposition}, never a path: bytes are stored in the database by their hash.
 */
public record Upload(String fileName, String note, byte[] bytes) {
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    private static final SecretRedactor MASKING = new SecretRedactor();
    public static final int MAX_NAME = 120;
    public static final int MAX_NOTE = 1000;

    public Upload {
        List<FieldError> errors = new ArrayList<>();
        if (bytes == null) {
            errors.add(new FieldError("file", "is required: the file's bytes"));
        }
        if (note != null && note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "must be at most " + MAX_NOTE + " characters, was " + note.length()));
        }
        if (note != null && note.indexOf('\u0000') >= 0) {
            errors.add(new FieldError("note", "holds a NUL character"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        fileName = cleanName(fileName);
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /** The last segment of what the sender called it, safe to show and to put in a header. */
    static String cleanName(String raw) {
        // Masked first, the one way every text is: cutting the folder or the length first could leave half a
        // secret that no detector knows any more.
        String name = raw == null ? "" : MASKING.redact(raw).text();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder b = new StringBuilder(Math.min(name.length(), 256));
        for (int i = 0; i < name.length() && b.length() < 512; ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            boolean bidi = (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x200E
                    || c == 0x200F
                    || c == 0x061C;
            if (Character.isISOControl(c)
                    || bidi
                    || c == '"'
                    || Character.getType(c) == Character.SURROGATE
                    || Character.getType(c) == Character.FORMAT) {
                continue;
            }
            b.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
        }
        String cleaned = SPACES.matcher(b.toString().strip()).replaceAll(" ");
        while (cleaned.startsWith(".")) { // no hidden files, no "..", no extension-only names
            cleaned = cleaned.substring(1);
        }
        if (cleaned.isBlank()) {
            return "attachment";
        }
        if (cleaned.length() > MAX_NAME) {
            int dot = cleaned.lastIndexOf('.');
            String ext = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
            cleaned = cleaned.substring(0, MAX_NAME - ext.length()).strip() + ext;
        }
        return cleaned;
    }
}
