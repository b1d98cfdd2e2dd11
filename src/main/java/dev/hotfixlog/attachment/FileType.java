package dev.hotfixlog.attachment;

import java.util.Locale;

/**
 * What an attachment is, as sniffed from its bytes (never from its name or the sender's Content-Type), and how it
 * is shown and served. Only these are accepted: images, PDF, and text (logs). Markup (HTML, SVG, XML) is text to
 * read, never a page to render: it is served only as a download of opaque bytes.
 */
public enum FileType {
    PNG("image/png", "png", Display.IMAGE),
    JPEG("image/jpeg", "jpg", Display.IMAGE),
    GIF("image/gif", "gif", Display.IMAGE),
    WEBP("image/webp", "webp", Display.IMAGE),
    PDF("application/pdf", "pdf", Display.DOWNLOAD),
    TEXT("text/plain; charset=utf-8", "txt", Display.TEXT),
    MARKUP("application/octet-stream", "txt", Display.TEXT);

    /** How a page shows it: an image inline, text by its first lines, anything else as a link to download. */
    public enum Display {
        IMAGE,
        TEXT,
        DOWNLOAD
    }

    private final String servedAs;
    private final String extension;
    private final Display display;

    FileType(String servedAs, String extension, Display display) {
        this.servedAs = servedAs;
        this.extension = extension;
        this.display = display;
    }

    /** The Content-Type it is served with: markup only ever as opaque bytes. */
    public String servedAs() {
        return servedAs;
    }

    /** The extension a served or exported file ends with, whatever the sender's name said. */
    public String extension() {
        return extension;
    }

    public Display display() {
        return display;
    }

    /** Opened in the browser (images, plain text) rather than downloaded (PDF, markup). */
    public boolean inline() {
        return display == Display.IMAGE || this == TEXT;
    }

    public boolean isText() {
        return this == TEXT || this == MARKUP;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FileType parse(String json) {
        return valueOf(json.toUpperCase(Locale.ROOT));
    }
}
