package dev.hotfixlog;

import dev.hotfixlog.chat.ChatPlatform;
import dev.hotfixlog.incoming.AlertFormat;
import dev.hotfixlog.migrate.MigrationTool;
import dev.hotfixlog.migrate.MigrationTools;
import dev.hotfixlog.notify.ChannelKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The variants an {@link App} is built with: the kinds of notification channel {@code HOTFIX_CHANNELS} may name,
 * the alert formats the server takes at {@code /api/v1/ingest/<format>/{name}}, and the tools {@code hotfix
 * migrate} moves in from, and the chats the log is driven from ({@code /api/v1/chat/<platform>/{name}/…}).
 * {@link App#variants} lists the built-in ones (adding one is its class and one line there); {@link App#local(
 * Config, java.time.Clock, Variants)} takes these, so a test adds its own through the same door.
 */
public record Variants(
        List<ChannelKind> channels,
        List<AlertFormat> alertFormats,
        List<MigrationTool> migrationTools,
        List<ChatPlatform> chatPlatforms) {
    public Variants {
        channels = List.copyOf(channels);
        alertFormats = List.copyOf(alertFormats);
        migrationTools = List.copyOf(migrationTools);
        chatPlatforms = List.copyOf(chatPlatforms);
    }

    /** These and one more chat, listed last. */
    public Variants withChatPlatform(ChatPlatform platform) {
        return new Variants(channels, alertFormats, migrationTools, plus(chatPlatforms, platform));
    }

    /** These and one more kind of channel, listed last. */
    public Variants withChannel(ChannelKind kind) {
        return new Variants(plus(channels, kind), alertFormats, migrationTools, chatPlatforms);
    }

    /** These and one more alert format, listed last. */
    public Variants withAlertFormat(AlertFormat format) {
        return new Variants(channels, plus(alertFormats, format), migrationTools, chatPlatforms);
    }

    /** These and one more migration tool, listed last. */
    public Variants withMigrationTool(MigrationTool tool) {
        return new Variants(channels, alertFormats, plus(migrationTools, tool), chatPlatforms);
    }

    /** The migration tools by name. */
    public MigrationTools tools() {
        return new MigrationTools(migrationTools);
    }

    private static <T> List<T> plus(List<T> list, T more) {
        List<T> l = new ArrayList<>(list);
        l.add(more);
        return l;
    }
}
