package dev.hotfixlog.migrate;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Moving in: another tool's history as hotfixes. The CLI ({@code hotfix migrate}), the admin API
 * ({@code POST /api/v1/migrations}) and the record page's "Moved in from" line all use this.
 */
public interface MigrationService {
    /** Reads the source page by page; each page is one transaction with the position after it. */
    MigrationReport migrate(MigrationRequest request, String actor, Consumer<String> progress);

    /** Where a hotfix came from, when it was moved in. */
    Optional<SourceLink> sourceOf(String hotfixId);
}
