package dev.hotfixlog.attachment;

/** An attachment with its bytes, as served and exported. */
public record StoredFile(Attachment attachment, byte[] bytes) {}
