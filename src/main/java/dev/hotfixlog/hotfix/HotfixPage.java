package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** One page of hotfixes and the opaque cursor of the next page (null on the last page). */
public record HotfixPage(List<Hotfix> items, String nextCursor) {
    private static final String PREFIX = "before:";

    public HotfixPage {
        items = List.copyOf(items);
    }

    public static String cursorBefore(long number) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + number).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor this class made; anything else is a {@code cursor} field error. */
    public static Long decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return Long.parseLong(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below; NumberFormatException is an IllegalArgumentException
        }
        throw new BadRequestException(
                "cursor", "'" + cursor + "' is not a cursor from a previous page's " + "nextCursor");
    }
}
