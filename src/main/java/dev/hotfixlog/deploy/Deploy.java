package dev.hotfixlog.deploy;

import java.time.Instant;

/**
 * One deploy of a system.
 *
 * @param id          its number
 * @param system      what was deployed (the name hotfixes list under "Files/Systems Affected")
 * @param version     what version (a tag, a build number, a commit)
 * @param at          when it went out
 * @param environment where (production unless said otherwise)
 * @param source      who sent it: {@code cli}, {@code api}, {@code github/<name>}, {@code deploy/<name>}
 * @param actor       the person or integration that recorded it
 * @param url         the pipeline run or release page, or null
 * @param rollbackOf  the earlier deploy of the same version, when the one before this was another: a rollback
 */
public record Deploy(
        long id,
        String system,
        String version,
        Instant at,
        String environment,
        String source,
        String actor,
        String url,
        Long rollbackOf) {
    public boolean rollback() {
        return rollbackOf != null;
    }

    public boolean production() {
        return DeployMarker.isProduction(environment);
    }
}
