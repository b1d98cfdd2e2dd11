package dev.hotfixlog.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.time.TimeText;
import java.time.Instant;

/**
 * GitHub's {@code deployment_status} webhook as a deploy marker: a {@code success} state is a deploy of the
 * repository (or of {@code deployment.payload.system}) at the deployment's commit (or
 * {@code deployment.payload.version}), identified by the delivery's {@code X-GitHub-Delivery}; other states are
 * not deploys (null).
 */
final class GitHubDeployments {
    private GitHubDeployments() {}

    static DeployMarker marker(ObjectNode body, String deliveryId) {
        JsonNode status = body.path("deployment_status");
        JsonNode deployment = body.path("deployment");
        if (!status.isObject() || !deployment.isObject()) {
            throw ValidationException.of(
                    "deployment_status", "is required: this URL takes GitHub's " + "deployment_status events");
        }
        if (!"success".equals(status.path("state").asText())) {
            return null;
        }
        String system = text(deployment.path("payload").path("system"));
        if (system == null) {
            system = text(body.path("repository").path("name"));
        }
        String version = text(deployment.path("payload").path("version"));
        if (version == null) {
            String sha = text(deployment.path("sha"));
            version = sha == null ? text(deployment.path("ref")) : sha.substring(0, Math.min(12, sha.length()));
        }
        String environment = text(status.path("environment"));
        if (environment == null) {
            environment = text(deployment.path("environment"));
        }
        String url = null;
        for (String field : new String[] {"target_url", "log_url", "environment_url"}) {
            String u = text(status.path(field));
            if (url == null && u != null && (u.startsWith("https://") || u.startsWith("http://"))) {
                url = u;
            }
        }
        Instant at = null;
        String created = text(status.path("created_at"));
        if (created != null) {
            at = TimeText.parseMachineInstant("deployment_status.created_at", created);
        }
        return new DeployMarker(system, version, at, environment, url, deliveryId);
    }

    private static String text(JsonNode n) {
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }
}
