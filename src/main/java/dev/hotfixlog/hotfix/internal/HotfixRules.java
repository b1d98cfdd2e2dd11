package dev.hotfixlog.hotfix.internal;

import static dev.hotfixlog.hotfix.TextRules.NAME_MAX_CHARS;
import static dev.hotfixlog.hotfix.TextRules.SYSTEMS_MAX_COUNT;
import static dev.hotfixlog.hotfix.TextRules.TEXT_MAX_CHARS;
import static dev.hotfixlog.hotfix.TextRules.TITLE_MAX_CHARS;
import static dev.hotfixlog.hotfix.TextRules.URL_MAX_CHARS;

import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.hotfix.FieldKind;
import dev.hotfixlog.hotfix.FieldValues;
import dev.hotfixlog.hotfix.FollowUp;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.RecordField;
import dev.hotfixlog.hotfix.RecordFields;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.Step;
import dev.hotfixlog.hotfix.StepKind;
import dev.hotfixlog.hotfix.TextRules;
import dev.hotfixlog.hotfix.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every rule a {@link dev.hotfixlog.hotfix.Hotfix} obeys, each reported against the field the API calls it by. */
public final class HotfixRules {
    private HotfixRules() {}

    @SuppressWarnings("checkstyle:ParameterNumber")
    public static List<FieldError> violations(
            String title,
            Severity severity,
            String owner,
            List<String> systems,
            FieldValues values,
            Timeline timeline,
            Status status,
            Map<StepKind, Step> steps,
            Map<FollowUpKind, FollowUp> followUps) {
        List<FieldError> out = new ArrayList<>();
        if (title == null || title.isBlank()) {
            out.add(new FieldError("title", "is required: a brief description of the emergency"));
        } else {
            TextRules.check(out, "title", title, TITLE_MAX_CHARS);
        }
        if (severity == null) {
            out.add(new FieldError("severity", "is required: one of " + Severity.choices()));
        }
        if (status == null) {
            out.add(new FieldError("status", "is required"));
        }
        TextRules.check(out, "owner", owner, NAME_MAX_CHARS);
        // The catalogue's plain fields by their kind and limits, in the template's order.
        for (RecordField f : RecordFields.all()) {
            if (f.name().equals("systemsAffected")) {
                systems(out, systems);
            } else if (f.isPlain() && f.isText()) {
                TextRules.check(out, f.name(), values.text(f.name()), f.maxChars());
            } else if (f.isPlain() && f.kind() == FieldKind.NUMBER) {
                Integer n = values.number(f.name());
                if (n != null && (n < f.min() || n > f.max())) {
                    out.add(new FieldError(f.name(), "must be " + f.range() + ", was " + n));
                }
            }
        }
        steps.forEach((k, s) -> TextRules.check(out, "steps." + k.json() + ".by", s.by(), NAME_MAX_CHARS));
        followUps.forEach((k, f) -> {
            String p = "followUps." + k.json() + ".";
            TextRules.check(out, p + "description", f.description(), TEXT_MAX_CHARS);
            TextRules.check(out, p + "owner", f.owner(), NAME_MAX_CHARS);
            TextRules.check(out, p + "link", f.link(), URL_MAX_CHARS);
            if (!f.done() && f.doneAt() != null) {
                out.add(new FieldError(p + "doneAt", "is set but the follow-up is not done"));
            }
        });
        timeline(out, timeline);
        if (status != null) {
            statusAgreesWithTimeline(out, status, timeline);
        }
        return out;
    }

    private static void systems(List<FieldError> out, List<String> systems) {
        if (systems.size() > SYSTEMS_MAX_COUNT) {
            out.add(new FieldError(
                    "systemsAffected", "must list at most " + SYSTEMS_MAX_COUNT + " systems, was " + systems.size()));
            return;
        }
        for (int i = 0; i < systems.size(); i++) {
            String s = systems.get(i);
            if (s == null || s.isBlank()) {
                out.add(new FieldError("systemsAffected[" + i + "]", "must not be empty"));
            } else {
                TextRules.check(out, "systemsAffected[" + i + "]", s, NAME_MAX_CHARS);
            }
        }
    }

    private static void timeline(List<FieldError> out, Timeline t) {
        notBefore(out, "alertedAt", t.alertedAt(), "detectedAt", t.detectedAt());
        notBefore(out, "fixDeployedAt", t.fixDeployedAt(), "detectedAt", t.detectedAt());
        notBefore(out, "resolvedAt", t.resolvedAt(), "detectedAt", t.detectedAt());
        notBefore(out, "resolvedAt", t.resolvedAt(), "fixDeployedAt", t.fixDeployedAt());
        notBefore(out, "resolvedAt", t.resolvedAt(), "alertedAt", t.alertedAt());
        if (t.explicitDuration() != null && t.explicitDuration().isNegative()) {
            out.add(new FieldError("duration", "must not be negative, was " + t.explicitDuration()));
        }
    }

    private static void notBefore(List<FieldError> out, String field, Instant value, String otherField, Instant other) {
        if (value != null && other != null && value.isBefore(other)) {
            out.add(new FieldError(
                    field, "must not be before " + otherField + " (" + value + " is before " + other + ")"));
        }
    }

    private static void statusAgreesWithTimeline(List<FieldError> out, Status status, Timeline t) {
        if (status == Status.ACTIVE && t.fixDeployedAt() != null) {
            out.add(new FieldError(
                    "fixDeployedAt",
                    "is stamped by the 'deployed' event; this hotfix is still "
                            + "active, so send POST /api/v1/hotfixes/{id}/events {\"type\":\"deployed\"} instead"));
        }
        if (status != Status.COMPLETED && t.resolvedAt() != null) {
            out.add(new FieldError(
                    "resolvedAt",
                    "is stamped by the 'resolved' event; this hotfix is " + status.json()
                            + ", so send POST /api/v1/hotfixes/{id}/events {\"type\":\"resolved\"} instead"));
        }
    }
}
