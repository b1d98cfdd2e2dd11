package dev.hotfixlog.chat.internal;

import dev.hotfixlog.chat.ChatPlatform;
import dev.hotfixlog.chat.ChatTalk;
import dev.hotfixlog.security.Integration;

/**
 * One configured chat workspace: its entry of {@code HOTFIX_INTEGRATIONS} (secrets and options), its platform,
 * and how the log talks to it.
 */
public record Workspace(ChatPlatform platform, Integration entry, ChatTalk talk) {
    /** Its entry's path, {@code slack/acme}: the announcement's and the link's key, the audit's source. */
    public String path() {
        return entry.path();
    }

    /** The channel declarations made elsewhere (web, CLI, API, alerts) are announced in, or null. */
    public String channel() {
        return entry.option("channel");
    }

    /** "via Slack": what history and audit add to a person's name. */
    public String via() {
        return " via " + platform.label();
    }
}
