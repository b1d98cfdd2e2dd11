package dev.hotfixlog.notify;

import java.util.Locale;
import java.util.Optional;

/** Where a channel delivers: four kinds of chat webhook, a generic JSON webhook, or e-mail over SMTP. */
public enum ChannelType {
    SLACK, MATTERMOST, TEAMS, WEBHOOK, EMAIL;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ChannelType> fromJson(String s) {
        for (ChannelType t : values()) {
            if (t.json().equals(s.toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
