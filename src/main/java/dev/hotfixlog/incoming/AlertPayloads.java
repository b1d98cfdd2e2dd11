package dev.hotfixlog.incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.web.HotfixView;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.Sha256;
import dev.hotfixlog.time.TimeText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link AlertmanagerFormat} and {@link GrafanaFormat} read with. Reads Alertmanager's webhook (version 4: {@code
 * notify/webhook/webhook.go}'s {@code Message}, the template's {@code Data}) and Grafana's webhook contact point
 * (version 1: the same plus {@code title}, {@code state}, {@code message}, and per alert {@code dashboardURL}, {@code
 * panelURL}, {@code silenceURL}, {@code values}). Every bound is applied while reading: at most {@link #MAX_ALERTS}
 * alerts (the rest are counted as truncated), {@link #MAX_LABELS} labels and annotations an alert, {@link #MAX_VALUE}
 * characters a value. Errors name the field ({@code alerts[3].status}); a field a sender adds later is ignored.
 */
public final class AlertPayloads {
    static final int MAX_ALERTS = 1_000;
    static final int MAX_LABELS = 64;
    static final int MAX_VALUE = 4_000;
    static final int MAX_GROUP_KEY = 8_000;
    private static final List<Map.Entry<String, String>> ITEM_LINKS = List.of(
            Map.entry("generatorURL", "source"),
            Map.entry("dashboardURL", "dashboard"),
            Map.entry("panelURL", "panel"),
            Map.entry("silenceURL", "silence"));

    private AlertPayloads() {}

    public static AlertBatch read(String body) {
        return read(Json.parseObject(body));
    }

    /** From the parsed (and, on the way in, redacted) document. */
    public static AlertBatch read(ObjectNode root) {
        List<FieldError> errors = new ArrayList<>();
        String groupKey = text(root, "groupKey", errors, true);
        if (groupKey != null && groupKey.length() > MAX_GROUP_KEY) {
            errors.add(new FieldError("groupKey", "is longer than " + MAX_GROUP_KEY + " characters"));
        }
        String status = status(root.get("status"), "status", errors);
        JsonNode alerts = root.get("alerts");
        List<AlertBatch.Item> items = new ArrayList<>();
        long truncated = root.path("truncatedAlerts").canConvertToLong()
                ? Math.max(0, root.path("truncatedAlerts").asLong())
                : 0;
        if (alerts == null || alerts.isNull()) {
            errors.add(new FieldError("alerts", "is required: the group's alerts, a list"));
        } else if (!alerts.isArray()) {
            errors.add(new FieldError("alerts", "must be a list of alerts"));
        } else {
            for (int k = 0; k < alerts.size(); k++) {
                if (k == MAX_ALERTS) {
                    truncated += alerts.size() - MAX_ALERTS;
                    break;
                }
                AlertBatch.Item item = item(alerts.get(k), "alerts[" + k + "]", errors);
                if (item != null) {
                    items.add(item);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AlertBatch(
                groupKey,
                status,
                items,
                map(root.get("commonLabels"), "commonLabels", errors),
                map(root.get("commonAnnotations"), "commonAnnotations", errors),
                safeLink(text(root, "externalURL", errors, false)),
                cut(text(root, "title", errors, false)),
                cut(text(root, "message", errors, false)),
                truncated);
    }

    private static AlertBatch.Item item(JsonNode a, String at, List<FieldError> errors) {
        if (a == null || !a.isObject()) {
            errors.add(new FieldError(at, "is not an object"));
            return null;
        }
        int before = errors.size();
        String status = status(a.get("status"), at + ".status", errors);
        Map<String, String> labels = map(a.get("labels"), at + ".labels", errors);
        Map<String, String> annotations = map(a.get("annotations"), at + ".annotations", errors);
        Instant starts = time(a.get("startsAt"), at + ".startsAt", errors);
        Instant ends = time(a.get("endsAt"), at + ".endsAt", errors);
        String fingerprint = text(a, "fingerprint", errors, false);
        if (fingerprint == null || fingerprint.isBlank()) {
            // A sender that leaves it out: the labels are the alert's identity, as they are Alertmanager's.
            fingerprint = Sha256.hex(new TreeMap<>(labels).toString()).substring(0, 16);
        } else if (fingerprint.length() > 128) {
            errors.add(new FieldError(at + ".fingerprint", "is longer than 128 characters"));
        }
        Map<String, String> links = new LinkedHashMap<>();
        for (var l : ITEM_LINKS) {
            String url = safeLink(text(a, l.getKey(), errors, false));
            if (url != null) {
                links.put(l.getValue(), url);
            }
        }
        for (String runbook : List.of("runbook_url", "runbook")) {
            String url = safeLink(annotations.get(runbook));
            if (url != null) {
                links.putIfAbsent("runbook", url);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new AlertBatch.Item(fingerprint, status, labels, annotations, starts, ends, links);
    }

    private static String status(JsonNode n, String field, List<FieldError> errors) {
        String s = n == null || !n.isTextual() ? null : n.asText();
        if (!"firing".equals(s) && !"resolved".equals(s)) {
            errors.add(new FieldError(field, "must be firing or resolved"));
            return null;
        }
        return s;
    }

    private static String text(JsonNode o, String name, List<FieldError> errors, boolean required) {
        JsonNode n = o.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                errors.add(new FieldError(name, "is required"));
            }
            return null;
        }
        if (!n.isTextual()) {
            errors.add(new FieldError(name, "must be a string"));
            return null;
        }
        return n.asText();
    }

    private static Map<String, String> map(JsonNode n, String field, List<FieldError> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            errors.add(new FieldError(field, "must be an object of names to strings"));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext() && out.size() < MAX_LABELS; ) {
            var e = it.next();
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.put(cut(e.getKey()), cut(e.getValue().asText()));
            }
        }
        return out;
    }

    private static Instant time(JsonNode n, String field, List<FieldError> errors) {
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isEmpty())) {
            return null;
        }
        if (!n.isTextual()) {
            errors.add(new FieldError(
                    field,
                    "must be an RFC 3339 time, was "
                            + n.getNodeType().toString().toLowerCase(Locale.ROOT)));
            return null;
        }
        try {
            return TimeText.parseMachineInstant(field, n.asText());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** Only links the pages show as links are kept ({@link HotfixView#isSafeLink}), at most 2,000 characters. */
    static String safeLink(String url) {
        return HotfixView.isSafeLink(url) && url.strip().length() <= 2_000 ? url.strip() : null;
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE) + "…";
    }
}
