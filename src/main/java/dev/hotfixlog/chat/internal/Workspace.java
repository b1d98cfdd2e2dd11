package dev.hotfixlog.chat.internal;

import dev.hotfixlog.chat.ChatPlatform;
import dev.hotfixlog.chat.ChatTalk;
import dev.hotfixlog.security.Integration;
import java.util.Arrays;
import java.util.List;

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

    /**
     * The channels hotfixes may be declared in ({@code declare-in=C1,C2}); empty when any channel may: a team
     * keeps declarations where the responders watch, while stamps and notes work anywhere.
     */
    public List<String> declareIn() {
        String option = entry.option("declare-in");
        if (option == null) {
            return List.of();
        }
        return Arrays.stream(option.split(","))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .toList();
    }

    /** Whether a hotfix may be declared from this channel. */
    public boolean declaresIn(String channel) {
        List<String> allowed = declareIn();
        return allowed.isEmpty() || allowed.contains(channel);
    }

    /** "via Slack": what history and audit add to a person's name. */
    public String via() {
        return " via " + platform.label();
    }
}
