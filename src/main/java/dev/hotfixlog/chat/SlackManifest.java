package dev.hotfixlog.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Slack app manifest a team pastes into Slack's "Create an app → From a manifest" page (JSON, which Slack takes
 * as well as YAML): the bot user, the {@code /hotfix} command and the interactivity URL of one
 * {@code HOTFIX_INTEGRATIONS} entry, the message shortcut, and the bot scopes the chat code calls for. Made here,
 * beside the code whose URLs, callback ids and Web API calls it names, so the two cannot drift apart.
 */
public final class SlackManifest {
    /** The message shortcut's {@code callback_id} ("Add to hotfix…"). */
    public static final String ADD_TO_HOTFIX = "add_to_hotfix";

    /**
     * Why each scope: {@code commands} the slash command and shortcut; {@code chat:write} posting and updating the
     * Incident Alert, ephemeral answers; {@code chat:write.public} posting to a channel the bot was not invited to;
     * {@code users:read} and {@code users:read.email} {@code users.info} with the verified e-mail a person is linked
     * by; {@code channels:manage}, {@code channels:join} a channel per hotfix (create, invite, archive; public
     * channels: no {@code groups:*}, so no private ones); {@code pins:write} the announcement pinned there.
     */
    public static final List<String> BOT_SCOPES = List.of(
            "commands",
            "chat:write",
            "chat:write.public",
            "users:read",
            "users:read.email",
            "channels:manage",
            "channels:join",
            "pins:write");

    /** Slack's limits for a manifest's {@code display_information.name} and {@code bot_user.display_name}. */
    static final int MAX_APP_NAME = 35;

    static final int MAX_BOT_NAME = 80;

    private static final Pattern WORKSPACE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,40}");
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private SlackManifest() {}

    /**
     * The manifest for the entry {@code workspace} of a server reached at {@code baseUrl} (https; http only for a
     * server on this machine, which Slack cannot reach but a tunnel or a test can). A bad URL is a
     * {@link ValidationException} of {@code field}.
     */
    public static ObjectNode of(String field, String baseUrl, String workspace, String appName) {
        if (!WORKSPACE.matches(workspace)) {
            throw ValidationException.of(
                    "--workspace", "is the entry's name in HOTFIX_INTEGRATIONS: a-z, 0-9, - and _, e.g. acme");
        }
        if (appName == null || appName.isBlank() || appName.strip().length() > MAX_APP_NAME) {
            throw ValidationException.of(
                    "--name",
                    "is the app's name in Slack: 1 to " + MAX_APP_NAME
                            + " characters (Slack refuses a longer display_information.name; its bot's"
                            + " display_name takes at most " + MAX_BOT_NAME + "), e.g. Hotfix Log");
        }
        appName = appName.strip();
        String base = base(field, baseUrl);
        String chat = base + "/api/v1/chat/slack/" + workspace + "/";
        ObjectNode m = Json.object();
        m.putObject("_metadata").put("major_version", 1).put("minor_version", 1);
        m.putObject("display_information")
                .put("name", appName)
                .put("description", "Declare, stamp and record hotfixes without leaving Slack.")
                .put("background_color", "#b42318");
        ObjectNode features = m.putObject("features");
        features.putObject("bot_user").put("display_name", appName).put("always_online", true);
        features.putArray("shortcuts")
                .addObject()
                .put("name", "Add to hotfix…")
                .put("type", "message")
                .put("callback_id", ADD_TO_HOTFIX)
                .put("description", "Keep this message on an active hotfix's timeline");
        features.putArray("slash_commands")
                .addObject()
                .put("command", "/hotfix")
                .put("url", chat + "commands")
                .put("description", "Declare, list, show and stamp hotfixes")
                .put("usage_hint", "declare [title] | list | show HOTFIX-12 | deployed HOTFIX-12 | help")
                .put("should_escape", false);
        ArrayNode scopes = m.putObject("oauth_config").putObject("scopes").putArray("bot");
        BOT_SCOPES.forEach(scopes::add);
        ObjectNode settings = m.putObject("settings");
        settings.putObject("interactivity").put("is_enabled", true).put("request_url", chat + "interactions");
        settings.put("org_deploy_enabled", false)
                .put("socket_mode_enabled", false)
                .put("token_rotation_enabled", false);
        return m;
    }

    private static String base(String field, String url) {
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ValidationException.of(field, "is not a URL: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getHost() == null || u.getHost().isEmpty()) {
            throw ValidationException.of(field, "needs a host, e.g. https://hotfix.example.com");
        }
        boolean local = LOCAL.contains(u.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
            throw ValidationException.of(
                    field, "must be https:// (Slack only calls https; http is allowed for localhost only)");
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
            throw ValidationException.of(field, "is the server's base URL: no user, query or fragment");
        }
        String s = u.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
