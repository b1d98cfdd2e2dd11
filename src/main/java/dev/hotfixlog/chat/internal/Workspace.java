package dev.hotfixlog.chat.internal;

import com.google.re2j.Pattern;
import dev.hotfixlog.chat.ChatPlatform;
import dev.hotfixlog.chat.ChatTalk;
import dev.hotfixlog.security.Integration;
import dev.hotfixlog.text.Split;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One configured chat workspace: its entry of {@code HOTFIX_INTEGRATIONS} (secrets and options), its platform,
 * and how the log talks to it.
 */
public record Workspace(ChatPlatform platform, Integration entry, ChatTalk talk) {
    private static final Pattern NOT_NAME = Pattern.compile("[^a-z0-9-]+");
    private static final Pattern DASHES = Pattern.compile("-{2,}");
    private static final Pattern EDGES = Pattern.compile("^-+|-+$");

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
        return Arrays.stream(Split.on(option, ","))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .toList();
    }

    /** Whether a hotfix may be declared from this channel. */
    public boolean declaresIn(String channel) {
        List<String> allowed = declareIn();
        return allowed.isEmpty() || allowed.contains(channel);
    }

    /**
     * The name of the channel made for a hotfix declared from this chat, from the entry's
     * {@code channel-per-hotfix=} template ({@code {id}}, {@code {slug}} of the title), as Slack takes a name:
     * lower case, a-z, 0-9 and "-", at most 80 characters; null when the entry makes no channel per hotfix.
     */
    public String channelFor(String id, String title) {
        String template = entry.option("channel-per-hotfix");
        if (template == null || template.isBlank()) {
            return null;
        }
        String name = template.replace("{id}", id).replace("{slug}", title == null ? "" : plain(title));
        name = NOT_NAME.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
        name = DASHES.matcher(name).replaceAll("-");
        name = EDGES.matcher(name).replaceAll("");
        if (name.length() > 80) {
            name = EDGES.matcher(name.substring(0, 80)).replaceAll("");
        }
        return name;
    }

    /** Accented letters as their plain ones ({@code Ünïcödé} → {@code Unicode}): NFD, combining marks dropped. */
    private static String plain(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** "via Slack": what history and audit add to a person's name. */
    public String via() {
        return " via " + platform.label();
    }
}
