package dev.hotfixlog;

import dev.hotfixlog.incoming.AlertFormat;
import dev.hotfixlog.notify.ChannelKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The variants an {@link App} is built with: the kinds of notification channel {@code HOTFIX_CHANNELS} may name,
 * and the alert formats the server takes at {@code /api/v1/ingest/<format>/{name}}.
 * {@link App#variants} lists the built-in ones (adding one is its class and one line there); {@link App#local(
 * Config, java.time.Clock, Variants)} takes these, so a test adds its own through the same door.
 */
public record Variants(List<ChannelKind> channels, List<AlertFormat> alertFormats) {
    public Variants {
        channels = List.copyOf(channels);
        alertFormats = List.copyOf(alertFormats);
    }

    /** These and one more kind of channel, listed last. */
    public Variants withChannel(ChannelKind kind) {
        return new Variants(plus(channels, kind), alertFormats);
    }

    /** These and one more alert format, listed last. */
    public Variants withAlertFormat(AlertFormat format) {
        return new Variants(channels, plus(alertFormats, format));
    }

    private static <T> List<T> plus(List<T> list, T more) {
        List<T> l = new ArrayList<>(list);
        l.add(more);
        return l;
    }
}
