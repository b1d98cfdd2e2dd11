package dev.hotfixlog.incoming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.security.SenderKind;

/**
 * Grafana's webhook contact point (version 1), at {@code /api/v1/ingest/grafana/{name}}: Alertmanager's message
 * plus its title, state, message and per-alert dashboard, panel and silence links, which
 * {@link AlertPayloads} reads too. It may sign the body with HMAC-SHA256 (and a timestamp).
 */
public final class GrafanaFormat implements AlertFormat {
    private static final SenderKind SENDER =
            new SenderKind("grafana", "X-Grafana-Alerting-Signature", SenderKind.Signature.OFFERED, "");

    @Override
    public String name() {
        return SENDER.name();
    }

    @Override
    public SenderKind sender() {
        return SENDER;
    }

    @Override
    public AlertBatch read(ObjectNode document) {
        return AlertPayloads.read(document);
    }
}
