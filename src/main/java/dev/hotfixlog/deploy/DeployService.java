package dev.hotfixlog.deploy;

import java.util.List;

/**
 * Deploys: recorded from the CLI, the API and the integrations, listed per system, and read against a hotfix
 * (its suspected cause and its fix deploy, suggested, then confirmed). {@link LocalDeployService} runs it on the
 * database, {@link DeployApiClient} over REST.
 */
public interface DeployService {
    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 1_000;

    /**
     * Records a deploy; one whose sender id ({@code externalId}) was seen before from the same source is not
     * recorded again: the known one comes back, marked a repeat.
     */
    Recorded record(DeployMarker marker, String source, String actor);

    /** Newest first; {@code system} null means every system. */
    List<Deploy> list(String system, int limit);

    /** The suspected cause and the fix deploy of a hotfix. */
    HotfixDeploys forHotfix(String hotfixId);

    /**
     * Confirms a deploy in a role for a hotfix. Confirming the fix deploy stamps the hotfix "fix deployed" at the
     * deploy's time.
     */
    HotfixDeploys confirm(String hotfixId, HotfixDeploys.Role role, long deployId, String actor);

    /** A recorded deploy, and whether it had been recorded before. */
    record Recorded(Deploy deploy, boolean repeat) {}
}
