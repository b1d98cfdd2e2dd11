package dev.hotfixlog.chat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.Integrations;
import dev.hotfixlog.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Requests as Slack sends them (shapes from Slack's documentation of slash commands, {@code block_actions},
 * {@code view_submission} and {@code message_action}), signed with Slack's v0 signature over a timestamp of the test's clock.
 */
final class SlackRequests {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TEAM = "T0TEAM";
    static final String CHANNEL = "C0INCIDENTS";

    private final Http http;
    private final Clock clock;
    private final FakeSlack slack;
    private final String workspace;

    SlackRequests(Http http, Clock clock, FakeSlack slack) {
        this(http, clock, slack, "acme");
    }

    /** Requests to the entry named {@code workspace} ({@code slack <workspace> secret=SECRET …}). */
    SlackRequests(Http http, Clock clock, FakeSlack slack, String workspace) {
        this.http = http;
        this.clock = clock;
        this.slack = slack;
        this.workspace = workspace;
    }

    /** A slash command's form body, as Slack posts it. */
    String command(String user, String text, String trigger) {
        return command(user, text, trigger, CHANNEL);
    }

    /** A slash command typed in {@code channel}. */
    String command(String user, String text, String trigger, String channel) {
        return "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=" + TEAM + "&team_domain=example&channel_id=" + channel
                + "&channel_name=incidents&user_id=" + user + "&user_name=someone&command=%2Fhotfix&text="
                + enc(text) + "&api_app_id=A0HOTFIX&is_enterprise_install=false&response_url="
                + enc(slack.responseUrl("commands/" + trigger)) + "&trigger_id=" + enc(trigger);
    }

    /** An interaction's form body: {@code payload=<JSON>}. */
    static String interaction(String payloadJson) {
        return "payload=" + enc(payloadJson);
    }

    /** A {@code view_submission} of the declare modal. */
    static String submission(String user, String viewId, String down, String wait, String title, String severity) {
        String values = "\"down\":{\"down\":{\"type\":\"radio_buttons\",\"selected_option\":{\"text\":{\"type\":"
                + "\"plain_text\",\"text\":\"Yes\"},\"value\":\"" + down + "\"}}}"
                + (wait == null
                        ? ""
                        : ",\"wait\":{\"wait\":{\"type\":\"radio_buttons\",\"selected_option\":{\"value\":\"" + wait
                                + "\"}}}")
                + ",\"title\":{\"title\":{\"type\":\"plain_text_input\",\"value\":\"" + title + "\"}}"
                + ",\"severity\":{\"severity\":{\"type\":\"static_select\",\"selected_option\":{\"value\":\""
                + severity + "\"}}}"
                + ",\"systems\":{\"systems\":{\"type\":\"plain_text_input\",\"value\":\"checkout, payments\"}}"
                + ",\"problem\":{\"problem\":{\"type\":\"plain_text_input\",\"value\":\"Card payments time out\"}}";
        return interaction("{\"type\":\"view_submission\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"example\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"username\":\"someone\",\"name\":\"someone\",\"team_id\":\""
                + TEAM + "\"},\"api_app_id\":\"A0HOTFIX\",\"token\":\"gIkuvaNzQIHg97ATvDxqgjtO\","
                + "\"trigger_id\":\"12466734323.1395872398.ad0a1f0b1b5e5f5d5\",\"view\":{\"id\":\"" + viewId
                + "\",\"team_id\":\"" + TEAM + "\",\"type\":\"modal\",\"callback_id\":\"hotfix_declare\","
                + "\"private_metadata\":\"" + CHANNEL + "\",\"hash\":\"156663117.cd33ad1f\",\"state\":{\"values\":{"
                + values + "}}},\"response_urls\":[],\"is_enterprise_install\":false}");
    }

    /** A {@code block_actions} click of an announcement's button. */
    String button(String user, String action, String hotfix, String messageTs) {
        return interaction("{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"example\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"username\":\"someone\",\"team_id\":\"" + TEAM + "\"},"
                + "\"api_app_id\":\"A0HOTFIX\",\"token\":\"gIkuvaNzQIHg97ATvDxqgjtO\",\"container\":{\"type\":"
                + "\"message\",\"message_ts\":\"" + messageTs + "\",\"channel_id\":\"" + CHANNEL + "\","
                + "\"is_ephemeral\":false},\"trigger_id\":\"12466734323.1395872398.8ad0a1f0\",\"channel\":{\"id\":\""
                + CHANNEL + "\",\"name\":\"incidents\"},\"response_url\":\""
                + slack.responseUrl("actions/" + action) + "\",\"actions\":[{\"action_id\":\"hotfix_" + action
                + "\",\"block_id\":\"hotfix_actions\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + action
                + "\"},\"value\":\"" + hotfix + "\",\"type\":\"button\",\"action_ts\":\"1548426417.840180\"}]}");
    }

    /** A {@code message_action}: the message shortcut "Add to hotfix…" on one message of the channel. */
    String messageAction(String user, String author, String ts, String text, String trigger) {
        return interaction("{\"type\":\"message_action\",\"token\":\"gIkuvaNzQIHg97ATvDxqgjtO\","
                + "\"action_ts\":\"1796609500.371594\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"example\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"name\":\"someone\",\"username\":\"someone\",\"team_id\":\""
                + TEAM + "\"},\"channel\":{\"id\":\"" + CHANNEL + "\",\"name\":\"incidents\"},"
                + "\"is_enterprise_install\":false,\"callback_id\":\"add_to_hotfix\",\"trigger_id\":\"" + trigger
                + "\",\"message_ts\":\"" + ts + "\",\"message\":{\"type\":\"message\",\"text\":"
                + Json.write(TextNode.valueOf(text))
                + ",\"user\":\"" + author + "\",\"ts\":\"" + ts + "\",\"team\":\"" + TEAM + "\"},"
                + "\"response_url\":\"" + slack.responseUrl("app/" + trigger) + "\"}");
    }

    /** A {@code view_submission} of the "Add to hotfix…" modal: the hotfix chosen, the metadata as the log set it. */
    static String addSubmission(String user, String viewId, String hotfix, String metadata, String trigger) {
        return interaction("{\"type\":\"view_submission\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"example\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"username\":\"someone\",\"name\":\"someone\",\"team_id\":\""
                + TEAM + "\"},\"api_app_id\":\"A0HOTFIX\",\"token\":\"gIkuvaNzQIHg97ATvDxqgjtO\","
                + "\"trigger_id\":\"" + trigger + "\",\"view\":{\"id\":\"" + viewId + "\",\"team_id\":\"" + TEAM
                + "\",\"type\":\"modal\",\"callback_id\":\"hotfix_add_message\",\"private_metadata\":"
                + Json.write(TextNode.valueOf(metadata))
                + ",\"hash\":\"156663117.cd33ad1f\",\"state\":{\"values\":{\"hotfix\":{\"hotfix\":{\"type\":"
                + "\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"" + hotfix
                + "\"},\"value\":\"" + hotfix + "\"}}}}}},\"response_urls\":[],\"is_enterprise_install\":false}");
    }

    /** The signature headers of {@code body}, signed at {@code timestamp} with {@code secret}. */
    static String[] signed(String body, long timestamp, String secret) {
        String signature =
                "v0=" + Integrations.hmacHex(secret, ("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
        return new String[] {
            "Content-Type",
            "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp",
            Long.toString(timestamp),
            "X-Slack-Signature",
            signature
        };
    }

    /** Posts {@code body} to the workspace's URL, signed now with the right secret. */
    Http.Response send(String route, String body) {
        return http.post(
                "/api/v1/chat/slack/" + workspace + "/" + route,
                body,
                signed(body, clock.instant().getEpochSecond(), SECRET));
    }

    Http.Response send(String route, String body, String... headers) {
        return http.post("/api/v1/chat/slack/" + workspace + "/" + route, body, headers);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
