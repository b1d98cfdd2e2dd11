package dev.hotfixlog.chat.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.chat.ChatInbound;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.Triage;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.SecretRedactor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The declare form's submission, read before it is acknowledged: what the person can fix in the form comes back
 * as the submission's own answer, next to its field, with the form still open and what they typed kept (Slack's
 * {@code response_action: errors}, Mattermost's dialog {@code errors}, Teams' answer). The decision tree's answers
 * are exactly {@code yes} or {@code no}; a tree that says it is no hotfix is answered so and nothing is stored; then
 * the channel ({@code declare-in=}) and the record's own fields are checked as the declaration will be. Only what
 * is found later (the person's link and role, the store) is told afterwards.
 */
final class DeclareForm {
    private static final Pattern LIST = Pattern.compile("[,\\n]");

    private DeclareForm() {}

    /** The submission's own answer instead of the acknowledgement, or null when the declaration goes ahead. */
    static String answer(Workspace w, ChatInbound.Submission s, HotfixService hotfixes, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        s.answers().forEach((field, v) -> {
            String c = control(field, v);
            if (c != null) {
                errors.put(field, "holds a control character (" + c + "); type it without one.");
            }
        });
        if (!errors.isEmpty()) {
            return w.platform().formErrors(errors);
        }
        Boolean down = yesNo(s, "down", errors);
        Boolean wait = yesNo(s, "wait", errors);
        if (down == null && !errors.containsKey("down")) {
            errors.put("down", "Is production down or severely degraded? Answer yes or no.");
        }
        if (errors.isEmpty()) {
            Triage.Outcome outcome = new Triage(down, wait).outcome();
            if (outcome == null) {
                errors.put("wait", "Production is down: can it wait 2–4 hours? Answer yes or no.");
            } else if (outcome != Triage.Outcome.HOTFIX) {
                return w.platform().notAHotfix(outcome.advice());
            }
        }
        if (errors.isEmpty()) {
            if (!w.declaresIn(s.channel())) {
                errors.put("title", Conversation.elsewhere(w, id -> id));
            }
            fields(s, hotfixes, now, errors);
        }
        return errors.isEmpty() ? null : w.platform().formErrors(errors);
    }

    /**
     * The first control character of an answer, as {@code U+0000}, or null: none is stored (PostgreSQL cannot keep
     * a NUL), and each is the form's own error rather than an HTTP refusal the chat shows as a broken connection.
     * The problem may hold line breaks and tabs.
     */
    private static String control(String field, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean spacing = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(spacing && (field.equals("problem") || field.equals("systems")))) {
                return String.format(Locale.ROOT, "U+%04X", (int) c);
            }
        }
        return null;
    }

    /** Yes is true, no is false, unanswered null; anything else is the field's error. */
    private static Boolean yesNo(ChatInbound.Submission s, String field, Map<String, String> errors) {
        String v = s.answers().get(field);
        if (v == null) {
            return null;
        }
        if (v.equals("yes") || v.equals("no")) {
            return v.equals("yes");
        }
        errors.put(field, "is " + SecretRedactor.quoted(v) + "; answer yes or no.");
        return null;
    }

    /** The record's fields as the declaration will read them: every error next to the form's field it came from. */
    private static void fields(
            ChatInbound.Submission s, HotfixService hotfixes, Instant now, Map<String, String> errors) {
        try {
            Hotfix draft = HotfixJson.read(
                    declaration(s, null),
                    new HotfixJson.Identity(new HotfixId(1), Status.ACTIVE, 1, now, now, List.of()));
            hotfixes.customFields().checked(draft, null);
        } catch (ValidationException e) {
            for (FieldError f : e.errors()) {
                String field = HotfixJson.topLevel(f.field());
                String block = switch (field) {
                    case "title", "severity", "problem" -> field;
                    case "systemsAffected" -> "systems";
                    case "triage" -> "down";
                    default -> "title";
                };
                String message = block.equals(field) || block.equals("systems") ? f.message() : f.toString();
                errors.merge(block, message, (a, b) -> a + "; " + b);
            }
        }
    }

    /**
     * The form's answers as the web's declare builds them: the same merge patch, triage included; {@code owner} the
     * declaring account (null when only checked).
     */
    static ObjectNode declaration(ChatInbound.Submission s, String owner) {
        ObjectNode body = Json.object();
        s.answers().forEach((k, v) -> {
            switch (k) {
                case "title", "severity", "problem" -> body.put(k, v);
                case "systems" -> {
                    var list = body.putArray("systemsAffected");
                    for (String part : LIST.split(v)) {
                        if (!part.isBlank()) {
                            list.add(part.strip());
                        }
                    }
                }
                default -> {}
            }
        });
        if (owner != null) {
            body.put("owner", owner);
        }
        ObjectNode triage = body.putObject("triage");
        String down = s.answers().get("down");
        String wait = s.answers().get("wait");
        if ("yes".equals(down) || "no".equals(down)) {
            triage.put("productionDown", down.equals("yes"));
        }
        if ("yes".equals(wait) || "no".equals(wait)) {
            triage.put("canWait", wait.equals("yes"));
        }
        return body;
    }
}
