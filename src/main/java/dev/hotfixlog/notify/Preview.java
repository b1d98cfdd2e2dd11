package dev.hotfixlog.notify;

import java.util.List;

/**
 * A message as it would go out now, and the channels that would take it (empty: none is configured for it).
 *
 * @param anyChannel true when at least one channel is configured at all (so an empty {@code channels} means
 *                   none takes this message, not that none exists)
 * @param usesEta    true when the message says the ETA, so a page asks for one
 */
public record Preview(String hotfixId, Message message, List<String> channels, boolean anyChannel, boolean usesEta) {
    public Preview {
        channels = List.copyOf(channels);
    }
}
