package dev.hotfixlog.migrate;

import java.time.Instant;

/**
 * Where a hotfix came from: the tool (by name, and by its own name for people: the name when this build has no
 * such tool), its id there, its address there (if the tool gives one), when.
 */
public record SourceLink(
        String source,
        String sourceLabel,
        String sourceKey,
        String hotfixId,
        String url,
        Instant migratedAt,
        Instant updatedAt) {}
