package dev.hotfixlog.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.chat.internal.MattermostMessages;
import dev.hotfixlog.chat.internal.MattermostTalk;
import dev.hotfixlog.error.BadRequestException;
import dev.hotfixlog.error.HotfixLogException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.Integration;
import dev.hotfixlog.security.Proof;
import dev.hotfixlog.security.SenderKind;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Mattermost: a custom slash command {@code /hotfix} (a form, with the command's token as {@code Authorization:
 * Token …} and in its {@code token} field, compared in constant time with the entry's secret), the announcement's
 * interactive buttons and the declare form as an interactive dialog (JSON posts that Mattermost does not sign: they
 * carry back a MAC the log made, see {@link MattermostMessages}), announcements posted and updated through its REST
 * API with a bot token: {@code mattermost <name> secret=<slash command token> token=<bot access token>
 * api=https://mattermost.example.com callback=https://hotfix.example.com [channel=<channel id>]}.
 */
public final class MattermostPlatform implements ChatPlatform {
    private static final SenderKind SENDER = new SenderKind(
            "mattermost",
            "Authorization",
            SenderKind.Signature.REQUIRED,
            "Token ",
            "",
            "",
            List.of("token", "channel", "api", "callback"));

    @Override
    public String name() {
        return "mattermost";
    }

    @Override
    public String label() {
        return "Mattermost";
    }

    @Override
    public SenderKind sender() {
        return SENDER;
    }

    @Override
    public ChatTalk talk(Integration workspace) {
        return new MattermostTalk(workspace);
    }

    @Override
    public String notAHotfix(String advice) {
        // A dialog cannot be replaced by a message: its general error says it, and the person closes it.
        return Json.write(Json.object()
                .put(
                        "error",
                        advice + ": by the decision tree this is not a hotfix, so nothing was stored. "
                                + "Cancel this form, or declare it on the web if you still want it kept and marked."));
    }

    @Override
    public String formErrors(Map<String, String> errors) {
        ObjectNode answer = Json.object();
        ObjectNode fields = answer.putObject("errors");
        errors.forEach(fields::put);
        return Json.write(answer);
    }

    /** Mattermost's Markdown made inert: {@link MattermostMessages#escape}. */
    @Override
    public String escape(String text) {
        return MattermostMessages.escape(text);
    }

    @Override
    public Proof proof(ChatInbound.Route route, Request request) {
        if (route == ChatInbound.Route.COMMANDS) {
            String auth = request.headers().apply("Authorization");
            String token = auth != null && auth.regionMatches(true, 0, "Token ", 0, 6)
                    ? auth.substring(6)
                    : formToken(request);
            return new Proof(Proof.Scheme.SECRET, token, null, null);
        }
        JsonNode json;
        try {
            json = Json.parseObject(new String(request.body(), StandardCharsets.UTF_8));
        } catch (HotfixLogException e) {
            return new Proof(Proof.Scheme.HMAC_HEX, null, null, null);
        }
        String signed;
        String mac;
        if (json.has("submission")) {
            String state = json.path("state").asText("");
            int space = state.lastIndexOf(' ');
            mac = space < 0 ? null : state.substring(space + 1);
            signed = MattermostMessages.dialogSigned(
                    json.path("user_id").asText(""),
                    json.path("callback_id").asText(""),
                    space < 0 ? "" : state.substring(0, space));
        } else {
            JsonNode context = json.path("context");
            mac = context.path("mac").asText(null);
            signed = MattermostMessages.buttonSigned(
                    context.path("action").asText(""), context.path("hotfix").asText(""));
        }
        return new Proof(Proof.Scheme.HMAC_HEX, mac, signed.getBytes(StandardCharsets.UTF_8), null);
    }

    @Override
    public ChatInbound read(ChatInbound.Route route, Request request) {
        if (route == ChatInbound.Route.COMMANDS) {
            return read(route, request.form().get());
        }
        ObjectNode json = Json.parseObject(new String(request.body(), StandardCharsets.UTF_8));
        ChatInbound.Person who = new ChatInbound.Person(
                json.path("team_id").asText(""),
                MattermostTalk.id("user_id", json.path("user_id").asText("")));
        if (json.has("submission")) {
            if (json.path("cancelled").asBoolean(false)) {
                return new ChatInbound.Ignored("a cancelled dialog");
            }
            Map<String, String> answers = new HashMap<>();
            json.path("submission").fields().forEachRemaining(f -> {
                String v = f.getValue().isNull() ? "" : f.getValue().asText("");
                if (!v.isBlank()) {
                    answers.put(f.getKey(), v);
                }
            });
            String state = json.path("state").asText("");
            return new ChatInbound.Submission(
                    who,
                    json.path("callback_id").asText(""),
                    state.substring(0, Math.max(0, state.lastIndexOf(' '))),
                    answers);
        }
        JsonNode context = json.path("context");
        String channel = json.path("channel_id").asText("");
        return new ChatInbound.Button(
                who,
                channel,
                context.path("action").asText(""),
                context.path("hotfix").asText(""),
                MattermostTalk.EPHEMERAL + channel + " " + who.user(),
                json.path("post_id").asText(""));
    }

    @Override
    public ChatInbound read(ChatInbound.Route route, Map<String, List<String>> form) {
        if (route != ChatInbound.Route.COMMANDS) {
            throw new BadRequestException("body", "Mattermost's buttons and dialogs post JSON");
        }
        return new ChatInbound.Command(
                new ChatInbound.Person(field(form, "team_id"), MattermostTalk.id("user_id", field(form, "user_id"))),
                field(form, "channel_id"),
                Objects.requireNonNullElse(optional(form, "text"), ""),
                optional(form, "response_url"),
                optional(form, "trigger_id"));
    }

    /** The form's {@code token}, when the body is a form at all (anything else proves nothing). */
    private static String formToken(Request request) {
        String type = request.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? optional(request.form().get(), "token")
                : null;
    }

    private static String field(Map<String, List<String>> form, String name) {
        String v = optional(form, name);
        if (v == null || v.isEmpty()) {
            throw new BadRequestException(name, "is missing: not a request from Mattermost");
        }
        return v;
    }

    private static String optional(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
