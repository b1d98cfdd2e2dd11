package dev.hotfixlog.chat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.chat.ChatInbound;
import dev.hotfixlog.chat.ChatTalk;
import dev.hotfixlog.error.BadRequestException;
import dev.hotfixlog.error.RemoteException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.Integration;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * One Mattermost server, talked to through its REST API v4 with a bot's access token ({@code token=}) at
 * {@code api=}: {@code POST /api/v4/actions/dialogs/open}, {@code POST /api/v4/posts}, {@code PUT
 * /api/v4/posts/{id}}, {@code POST /api/v4/posts} with a {@code root_id} (a reply in the announcement's thread),
 * {@code POST /api/v4/posts/ephemeral}, {@code GET /api/v4/users/{id}}; and a command's
 * {@code response_url}. Buttons and dialogs post back to {@code callback=} (the log's address as Mattermost
 * reaches it) at {@code /api/v1/chat/mattermost/<name>/interactions}. The JDK's HTTP client, as the notices use.
 */
public final class MattermostTalk implements ChatTalk {
    /** A reply address that is no URL: an ephemeral post to {@code <channel> <user>} (a button has no reply URL). */
    public static final String EPHEMERAL = ReplyAddress.EPHEMERAL;

    /** Mattermost's ids: 26 characters of a-z and 0-9. */
    private static final Pattern ID = Pattern.compile("[a-z0-9]{26}");

    /**
     * How long connecting to Mattermost may take, and one call in all: a server on the team's own network answers
     * in well under a second, and a worker waiting longer on one that hangs holds its workspace's work (finding F6).
     * A call cut short is run again later from the {@link ChatInbox}.
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    static final Duration TIMEOUT = Duration.ofSeconds(8);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final SecureRandom random = new SecureRandom();
    private final String token;
    private final String api;
    private final String interactions;
    private final String secret;

    public MattermostTalk(Integration entry) {
        this.token = entry.option("token");
        String api = entry.option("api");
        String callback = entry.option("callback");
        if (token == null || api == null || callback == null) {
            throw new IllegalArgumentException(
                    "a Mattermost entry needs token=<bot access token>, "
                            + "api=<the Mattermost server's address> and callback=<this log's address as Mattermost reaches it>");
        }
        this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        this.interactions = (callback.endsWith("/") ? callback.substring(0, callback.length() - 1) : callback)
                + "/api/v1/chat/" + entry.path() + "/interactions";
        this.secret = entry.hmacSecret();
    }

    /**
     * {@code value} when it has the shape of a Mattermost id; else a 400. A request's ids are read before they are
     * used: one that is not an id ({@code ../x}, {@code a/b}) never reaches an API path or a link.
     */
    public static String id(String field, String value) {
        if (value == null || !ID.matches(value)) {
            throw new BadRequestException(field, "is not a Mattermost id (26 characters of a-z and 0-9)");
        }
        return value;
    }

    @Override
    public void answer(String reply, String text, boolean everyone) {
        if (reply == null) {
            return;
        }
        if (reply.startsWith(EPHEMERAL)) {
            String where = reply.substring(EPHEMERAL.length());
            int space = where.indexOf(' ');
            tell(where.substring(0, space), where.substring(space + 1), text);
            return;
        }
        send(
                "the response_url",
                "POST",
                reply,
                Json.object()
                        .put("response_type", everyone ? "in_channel" : "ephemeral")
                        .put("text", text),
                false);
    }

    @Override
    public void tell(String channel, String user, String text) {
        ObjectNode body = Json.object().put("user_id", user);
        body.putObject("post").put("channel_id", channel).put("message", text);
        send("posts/ephemeral", "POST", api + "/api/v4/posts/ephemeral", body, true);
    }

    @Override
    public void openDeclareForm(String trigger, String channel, String title) {
        throw new IllegalStateException("a Mattermost dialog is opened for its person");
    }

    @Override
    public void openDeclareForm(String trigger, String channel, String title, ChatInbound.Person who) {
        byte[] id = new byte[12];
        random.nextBytes(id);
        ObjectNode body = MattermostMessages.dialog(
                trigger, interactions, "hotfix-" + HexFormat.of().formatHex(id), channel, title, who.user(), secret);
        send("actions/dialogs/open", "POST", api + "/api/v4/actions/dialogs/open", body, true);
    }

    @Override
    public String post(String channel, Announcement a) {
        JsonNode posted = send(
                "posts",
                "POST",
                api + "/api/v4/posts",
                MattermostMessages.post(channel, a, interactions, secret),
                true);
        String id = posted.path("id").asText("");
        if (id.isEmpty()) {
            throw new RemoteException("Mattermost's posts answered no post id", null);
        }
        return id;
    }

    /** A reply in the announcement's thread ({@code root_id}): the seed's Hotfix Complete and Stakeholder Update. */
    @Override
    public void reply(String channel, String message, String text) {
        ObjectNode body = Json.object()
                .put("channel_id", channel)
                .put("root_id", message)
                .put("message", MattermostMessages.escape(text));
        send("posts", "POST", api + "/api/v4/posts", body, true);
    }

    @Override
    public void update(String channel, String message, Announcement a) {
        ObjectNode body = MattermostMessages.post(channel, a, interactions, secret);
        body.put("id", message);
        send("posts/{id}", "PUT", api + "/api/v4/posts/" + segment(message), body, true);
    }

    @Override
    public String verifiedEmail(String user) {
        JsonNode u = send("users/{id}", "GET", api + "/api/v4/users/" + segment(id("user_id", user)), null, true);
        String email = u.path("email").asText("");
        return u.path("email_verified").asBoolean(false) && !email.isEmpty() ? email : null;
    }

    /** One path segment, percent-encoded: what Mattermost gave back is put in a path as data, never as a path. */
    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String what, String method, String url, ObjectNode body, boolean bot) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (bot) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RemoteException("Mattermost's " + what + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException("stopped while calling Mattermost's " + what, e);
        }
        String text = r.body() == null ? "" : r.body().strip();
        if (r.statusCode() / 100 != 2) {
            throw new RemoteException(
                    "Mattermost's " + what + " answered " + r.statusCode() + ": "
                            + (text.length() > 200 ? text.substring(0, 200) + "…" : text),
                    null);
        }
        return text.startsWith("{") ? Json.parseObject(text) : Json.object();
    }
}
