package dev.hotfixlog.migrate;

import java.time.Instant;

/** Where a hotfix came from: the tool, its id there, its address there (if the tool gives one), when. */
public record SourceLink(String source, String sourceKey, String hotfixId, String url, Instant migratedAt,
                         Instant updatedAt) {
    /** The tool's own name, for people. */
    public String sourceLabel() {
        try {
            return SourceKind.parse("source", source).label();
        } catch (RuntimeException e) {
            return source;
        }
    }
}
