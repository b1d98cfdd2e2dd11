package dev.hotfixlog.incoming;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One notification of an alert group, as Alertmanager (webhook version 4) or Grafana (webhook version 1) sends it,
 * read and bounded: what the incoming alert is made from. Fields a sender adds later are ignored, not refused.
 *
 * @param groupKey          the group's identity at the sender (Alertmanager's route and group labels)
 * @param status            {@code firing} when any alert of the group fires, else {@code resolved}
 * @param alerts            the group's alerts in this notification
 * @param commonLabels      labels every alert shares
 * @param commonAnnotations annotations every alert shares
 * @param externalUrl       the sender's own page, or null
 * @param title             Grafana's templated title, or null
 * @param message           Grafana's templated message, or null
 * @param truncated         alerts the sender (or this reader, past its bound) left out
 */
public record AlertBatch(
        String groupKey,
        String status,
        List<Item> alerts,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        String externalUrl,
        String title,
        String message,
        long truncated) {
    public AlertBatch {
        alerts = List.copyOf(alerts);
        commonLabels = Map.copyOf(commonLabels);
        commonAnnotations = Map.copyOf(commonAnnotations);
    }

    public boolean anyFiring() {
        return alerts.stream().anyMatch(Item::firing);
    }

    /**
     * One alert of the group.
     *
     * @param fingerprint the sender's identity of the alert (its labels' hash), or one made from the labels
     * @param startsAt    when it started firing, or null
     * @param endsAt      when it resolved (or, while firing, when it would lapse), or null
     * @param links       safe (http/https) links it carries, label → URL: source, dashboard, panel, runbook…
     */
    public record Item(
            String fingerprint,
            String status,
            Map<String, String> labels,
            Map<String, String> annotations,
            Instant startsAt,
            Instant endsAt,
            Map<String, String> links) {
        public Item {
            labels = Map.copyOf(labels);
            annotations = Map.copyOf(annotations);
            links = Map.copyOf(links);
        }

        public boolean firing() {
            return status.equals("firing");
        }

        /** What people call it: its alert name, else its summary, else its fingerprint. */
        public String name() {
            String n = labels.get("alertname");
            if (n == null || n.isBlank()) {
                n = annotations.get("summary");
            }
            return n == null || n.isBlank() ? fingerprint : n;
        }
    }
}
