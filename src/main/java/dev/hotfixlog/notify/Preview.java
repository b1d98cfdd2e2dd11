package dev.hotfixlog.notify;

import java.util.List;

/** A message as it would go out now, and the channels that would take it (empty: none is configured for it). */
public record Preview(String hotfixId, Message message, List<String> channels) {
    public Preview {
        channels = List.copyOf(channels);
    }
}
