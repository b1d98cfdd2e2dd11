package dev.hotfixlog.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.chat.internal.SlackBlocks;
import dev.hotfixlog.chat.internal.SlackTalk;
import dev.hotfixlog.error.BadRequestException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.Integration;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.security.SenderKind;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Slack: the {@code /hotfix} slash command, the declare form as a modal, the announcement's buttons, the message
 * shortcut "Add to hotfix…" ({@code message_action}) and its form. Its requests
 * carry Slack's v0 signature ({@code X-Slack-Signature: v0=<HMAC-SHA256 of v0:<timestamp>:<body>>} with
 * {@code X-Slack-Request-Timestamp}, five minutes either way), checked with the entry's signing secret:
 * {@code slack <name> secret=<signing secret> token=xoxb-… [channel=C…] [api=https://slack.com/api/]
 * [declare-in=C1,C2] [channel-per-hotfix=hotfix-{id}-{slug}]}.
 */
public final class SlackPlatform implements ChatPlatform {
    /** Where Slack's Web API is unless an entry's {@code api=} says otherwise (a proxy, a test's fake). */
    public static final String API = "https://slack.com/api/";

    private static final SecretRedactor MASKING = new SecretRedactor();
    /** The host of every response_url Slack documents. */
    static final String RESPONSE_HOST = "hooks.slack.com";

    private static final SenderKind SENDER = new SenderKind(
            "slack",
            "X-Slack-Signature",
            SenderKind.Signature.REQUIRED,
            "v0=",
            "X-Slack-Request-Timestamp",
            "v0:",
            List.of("token", "channel", "api", "declare-in", "channel-per-hotfix"));

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public String label() {
        return "Slack";
    }

    @Override
    public SenderKind sender() {
        return SENDER;
    }

    @Override
    public ChatTalk talk(Integration workspace) {
        String api = workspace.option("api");
        return new SlackTalk(workspace.option("token"), api == null ? API : api);
    }

    /** Slack's documented response_url host, and the host of {@code api=} (Enterprise Grid, a test's fake). */
    @Override
    public List<String> replyHosts(Integration workspace) {
        String api = workspace.option("api");
        String host = api == null ? null : URI.create(api).getHost();
        return host == null ? List.of(RESPONSE_HOST) : List.of(RESPONSE_HOST, host);
    }

    @Override
    public String channel(String id) {
        return "<#" + id + ">";
    }

    @Override
    public String notAHotfix(String advice) {
        return SlackBlocks.notAHotfix(advice);
    }

    @Override
    public String formErrors(Map<String, String> errors) {
        ObjectNode answer = Json.object().put("response_action", "errors");
        ObjectNode fields = answer.putObject("errors");
        errors.forEach(fields::put);
        return Json.write(answer);
    }

    /** Slack's mrkdwn escapes ({@code &}, {@code <}, {@code >}): no mention, link or channel can be made. */
    @Override
    public String escape(String text) {
        return SlackBlocks.escape(text);
    }

    /**
     * Slack's check of a slash command's certificate: a form {@code ssl_check=1&token=…}, unsigned, naming no
     * command.
     */
    @Override
    public boolean isUrlCheck(ChatInbound.Route route, Request request) {
        String type = request.contentType();
        if (route != ChatInbound.Route.COMMANDS
                || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return false;
        }
        Map<String, List<String>> form = request.form().get();
        return "1".equals(optional(form, "ssl_check")) && optional(form, "command") == null;
    }

    @Override
    public ChatInbound read(ChatInbound.Route route, Map<String, List<String>> form) {
        if (route == ChatInbound.Route.COMMANDS) {
            return new ChatInbound.Command(
                    new ChatInbound.Person(field(form, "team_id"), field(form, "user_id")),
                    field(form, "channel_id"),
                    Objects.requireNonNullElse(optional(form, "text"), ""),
                    optional(form, "response_url"),
                    optional(form, "trigger_id"));
        }
        ObjectNode payload = payload(field(form, "payload"));
        ChatInbound.Person who = new ChatInbound.Person(
                payload.path("team").path("id").asText(""),
                payload.path("user").path("id").asText(""));
        if (who.workspace().isEmpty() || who.user().isEmpty()) {
            throw new BadRequestException("payload", "names no team.id and user.id");
        }
        return switch (payload.path("type").asText("")) {
            case "block_actions" -> button(who, payload);
            case "message_action" -> shortcut(who, payload);
            case "view_submission" ->
                SlackBlocks.ADD_FORM.equals(
                                payload.path("view").path("callback_id").asText())
                        ? addMessage(who, payload.path("view"))
                        : submission(who, payload.path("view"));
            default -> new ChatInbound.Ignored(payload.path("type").asText("an interaction"));
        };
    }

    /**
     * The interaction's JSON. A declare form whose answers hold a NUL (which {@link Json#parseObject} refuses as a
     * 422, shown by Slack as a connection error) is read all the same: {@code DeclareForm} refuses it at its field,
     * the form kept open; no other interaction is.
     */
    private static ObjectNode payload(String text) {
        try {
            return Json.parseObject(text);
        } catch (ValidationException e) {
            JsonNode lenient;
            try {
                lenient = Json.mapper().readTree(text);
            } catch (JsonProcessingException notJson) {
                throw e;
            }
            if (lenient instanceof ObjectNode o
                    && "view_submission".equals(o.path("type").asText())
                    && SlackBlocks.DECLARE_FORM.equals(
                            o.path("view").path("callback_id").asText())) {
                return o;
            }
            throw e;
        }
    }

    private static ChatInbound button(ChatInbound.Person who, JsonNode payload) {
        JsonNode action = payload.path("actions").path(0);
        String id = action.path("action_id").asText("");
        if (!id.startsWith(SlackBlocks.ACTION_PREFIX) || id.equals(SlackBlocks.ACTION_PREFIX + "open")) {
            return new ChatInbound.Ignored("the button " + id);
        }
        String channel = payload.path("channel")
                .path("id")
                .asText(payload.path("container").path("channel_id").asText(""));
        return new ChatInbound.Button(
                who,
                channel,
                id.substring(SlackBlocks.ACTION_PREFIX.length()),
                action.path("value").asText(""),
                payload.path("response_url").asText(null));
    }

    /** "Add to hotfix…" on a message: its text masked here, before any of it is cut to fit a form. */
    private static ChatInbound shortcut(ChatInbound.Person who, JsonNode payload) {
        if (!SlackManifest.ADD_TO_HOTFIX.equals(payload.path("callback_id").asText())) {
            return new ChatInbound.Ignored(
                    "the shortcut " + payload.path("callback_id").asText());
        }
        JsonNode m = payload.path("message");
        String ts = m.path("ts").asText(payload.path("message_ts").asText(""));
        String channel = payload.path("channel").path("id").asText("");
        if (ts.isEmpty() || channel.isEmpty()) {
            throw new BadRequestException("payload", "names no message.ts and channel.id");
        }
        // A bot's message names no user: its name, or its id, is its author.
        String author =
                m.path("user").asText(m.path("username").asText(m.path("bot_id").asText("someone")));
        ChatInbound.Message message = new ChatInbound.Message(
                channel, ts, author, MASKING.redact(m.path("text").asText("")).text());
        return new ChatInbound.Shortcut(
                who,
                message,
                payload.path("trigger_id").asText(null),
                payload.path("response_url").asText(null));
    }

    private static ChatInbound addMessage(ChatInbound.Person who, JsonNode view) {
        String formId = view.path("id").asText("");
        String hotfix = view.path("state")
                .path("values")
                .path("hotfix")
                .path("hotfix")
                .path("selected_option")
                .path("value")
                .asText("");
        if (formId.isEmpty() || hotfix.isEmpty()) {
            throw new BadRequestException("payload", "view.id or the chosen hotfix is missing");
        }
        return new ChatInbound.AddMessage(
                who,
                formId,
                hotfix,
                SlackBlocks.messageOf(view.path("private_metadata").asText("")));
    }

    private static ChatInbound submission(ChatInbound.Person who, JsonNode view) {
        if (!SlackBlocks.DECLARE_FORM.equals(view.path("callback_id").asText())) {
            return new ChatInbound.Ignored(
                    "the form " + view.path("callback_id").asText());
        }
        Map<String, String> answers = new HashMap<>();
        var blocks = view.path("state").path("values").fields();
        while (blocks.hasNext()) {
            var block = blocks.next();
            JsonNode input = block.getValue().path(block.getKey());
            String value = input.has("selected_option")
                    ? input.path("selected_option").path("value").asText("")
                    : input.path("value").asText("");
            if (!value.isBlank()) {
                answers.put(block.getKey(), value);
            }
        }
        String formId = view.path("id").asText("");
        if (formId.isEmpty()) {
            throw new BadRequestException("payload", "view.id is missing");
        }
        return new ChatInbound.Submission(
                who, formId, view.path("private_metadata").asText(""), answers);
    }

    private static String field(Map<String, List<String>> form, String name) {
        String v = optional(form, name);
        if (v == null || v.isEmpty()) {
            throw new BadRequestException(name, "is missing: not a request from Slack");
        }
        return v;
    }

    private static String optional(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
