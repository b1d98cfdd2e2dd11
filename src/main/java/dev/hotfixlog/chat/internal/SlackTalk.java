package dev.hotfixlog.chat.internal;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.util.thread.ExecutorServiceProvider;
import com.slack.api.webhook.WebhookResponse;
import dev.hotfixlog.chat.ChatInbound;
import dev.hotfixlog.chat.ChatTalk;
import dev.hotfixlog.error.RemoteException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.work.Threads;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One Slack workspace, talked to through Slack's own Java SDK: its Web API client ({@code views.open},
 * {@code chat.postMessage}, {@code chat.update}, {@code chat.postEphemeral}, {@code chat.getPermalink},
 * {@code users.info}, and for a channel per hotfix {@code conversations.create}/{@code invite}/{@code archive},
 * {@code pins.add}) at the entry's
 * API address, and a command's {@code response_url}. The SDK's statistics are off (they run a thread of their
 * own), and any executor it asks for comes from {@link Threads}.
 */
public final class SlackTalk implements ChatTalk {
    /**
     * How long one call may wait for Slack to read or answer. Slack answers its Web API in well under a second;
     * the SDK's defaults let a Slack that hangs hold a worker for a long while, and with it its workspace's work
     * (finding F6). A call cut short is run again later from the {@link ChatInbox}.
     */
    static final int READ_TIMEOUT_MILLIS = 5_000;

    /** How long one request body may take to send (a modal or an announcement is a few KiB). */
    static final int WRITE_TIMEOUT_MILLIS = 5_000;

    /** The whole call, connecting included, at most: what a worker waits on one call of a Slack that hangs. */
    static final int CALL_TIMEOUT_MILLIS = 8_000;

    private final Slack slack;
    private final String token;

    public SlackTalk(String token, String api) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a Slack entry needs token=xoxb-… (its bot token)");
        }
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(api.endsWith("/") ? api : api + "/");
        config.setStatsEnabled(false);
        config.setHttpClientReadTimeoutMillis(READ_TIMEOUT_MILLIS);
        config.setHttpClientWriteTimeoutMillis(WRITE_TIMEOUT_MILLIS);
        config.setHttpClientCallTimeoutMillis(CALL_TIMEOUT_MILLIS);
        config.setExecutorServiceProvider(new ExecutorServiceProvider() {
            @Override
            public ExecutorService createThreadPoolExecutor(String name, int size) {
                return Threads.pool("slack-" + name, size);
            }

            @Override
            public ScheduledExecutorService createThreadScheduledExecutor(String name) {
                return Threads.scheduled("slack-" + name);
            }
        });
        this.slack = Slack.getInstance(config);
        this.token = token;
    }

    @Override
    public void answer(String reply, String text, boolean everyone) {
        if (reply == null) {
            return;
        }
        if (reply.startsWith(ReplyAddress.EPHEMERAL)) {
            // A reply address that was not Slack's own (ReplyAddress): told through chat.postEphemeral instead.
            String where = reply.substring(ReplyAddress.EPHEMERAL.length());
            int space = where.indexOf(' ');
            tell(where.substring(0, space), where.substring(space + 1), text);
            return;
        }
        String body = Json.write(Json.object()
                .put("response_type", everyone ? "in_channel" : "ephemeral")
                .put("replace_original", false)
                .put("text", text));
        try {
            WebhookResponse r = slack.send(reply, body);
            if (r.getCode() / 100 != 2) {
                throw new RemoteException("Slack's response_url answered " + r.getCode() + ": " + r.getBody(), null);
            }
        } catch (IOException e) {
            throw new RemoteException("Slack's response_url could not be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public void tell(String channel, String user, String text) {
        call(
                "chat.postEphemeral",
                m -> m.chatPostEphemeral(r -> r.channel(channel).user(user).text(text)));
    }

    @Override
    public void openDeclareForm(String trigger, String channel, String title) {
        call(
                "views.open",
                m -> m.viewsOpen(r -> r.triggerId(trigger).viewAsString(SlackBlocks.declareForm(channel, title))));
    }

    @Override
    public void openAddMessageForm(String trigger, ChatInbound.Message message, Map<String, String> hotfixes) {
        call(
                "views.open",
                m -> m.viewsOpen(
                        r -> r.triggerId(trigger).viewAsString(SlackBlocks.addMessageForm(message, hotfixes))));
    }

    @Override
    public String permalink(String channel, String ts) {
        return call(
                        "chat.getPermalink",
                        m -> m.chatGetPermalink(r -> r.channel(channel).messageTs(ts)))
                .getPermalink();
    }

    @Override
    public String displayName(String user) {
        UsersInfoResponse r = call("users.info", m -> m.usersInfo(q -> q.user(user)));
        if (r.getUser() == null || r.getUser().getProfile() == null) {
            return null;
        }
        String shown = r.getUser().getProfile().getDisplayName();
        return shown == null || shown.isBlank() ? r.getUser().getProfile().getRealName() : shown;
    }

    @Override
    public String post(String channel, Announcement a) {
        ChatPostMessageResponse r = call(
                "chat.postMessage",
                m -> m.chatPostMessage(p ->
                        p.channel(channel).text(SlackBlocks.fallback(a)).blocksAsString(SlackBlocks.announcement(a))));
        return r.getTs();
    }

    @Override
    public void reply(String channel, String message, String text) {
        call(
                "chat.postMessage",
                m -> m.chatPostMessage(p -> p.channel(channel).threadTs(message).text(SlackBlocks.escape(text))));
    }

    @Override
    public void update(String channel, String message, Announcement a) {
        call(
                "chat.update",
                m -> m.chatUpdate(p -> p.channel(channel)
                        .ts(message)
                        .text(SlackBlocks.fallback(a))
                        .blocksAsString(SlackBlocks.announcement(a))));
    }

    @Override
    public String openChannel(String name, String user) {
        String id = call("conversations.create", m -> m.conversationsCreate(r -> r.name(name)))
                .getChannel()
                .getId();
        if (user != null && !user.isEmpty()) {
            call(
                    "conversations.invite",
                    m -> m.conversationsInvite(r -> r.channel(id).users(List.of(user))));
        }
        return id;
    }

    @Override
    public void pin(String channel, String message) {
        call("pins.add", m -> m.pinsAdd(r -> r.channel(channel).timestamp(message)));
    }

    @Override
    public void archive(String channel) {
        call("conversations.archive", m -> m.conversationsArchive(r -> r.channel(channel)));
    }

    @Override
    public String verifiedEmail(String user) {
        UsersInfoResponse r = call("users.info", m -> m.usersInfo(q -> q.user(user)));
        if (r.getUser() == null
                || r.getUser().getProfile() == null
                || !r.getUser().isEmailConfirmed()) {
            return null;
        }
        return r.getUser().getProfile().getEmail();
    }

    private interface Method<T extends SlackApiTextResponse> {
        T call(MethodsClient m) throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> T call(String method, Method<T> work) {
        T r;
        try {
            r = work.call(slack.methods(token));
        } catch (IOException | SlackApiException e) {
            throw new RemoteException("Slack's " + method + " failed: " + e.getMessage(), e);
        }
        if (!r.isOk()) {
            throw new RemoteException("Slack's " + method + " answered " + r.getError(), null);
        }
        return r;
    }
}
