package dev.hotfixlog.incoming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.security.SenderKind;

/** Prometheus Alertmanager's webhook receiver (version 4), at {@code /api/v1/ingest/alertmanager/{name}}. */
public final class AlertmanagerFormat implements AlertFormat {
    /** Alertmanager sends a bearer token or basic credentials; a signature, if one is set, in Grafana's header. */
    private static final SenderKind SENDER =
            new SenderKind("alertmanager", "X-Grafana-Alerting-Signature", SenderKind.Signature.ACCEPTED, "");

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
