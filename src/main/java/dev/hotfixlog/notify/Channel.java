package dev.hotfixlog.notify;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One configured destination: its name (stored with each queued message), type, target (a webhook URL or the
 * e-mail addresses), and which severities and messages it takes. Read from {@code HOTFIX_CHANNELS}, one entry per
 * {@code ;} or line: {@code slack https://hooks.slack.com/services/… severity=critical,high events=alert,complete}.
 */
public record Channel(String name, ChannelType type, String target, Set<Severity> severities,
                      Set<MessageKind> kinds) {
    static final String SETTING = "HOTFIX_CHANNELS";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,40}");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,<>\"]+@[^@\\s,<>\"]+");
    private static final Pattern ENTRY_SEPARATOR = Pattern.compile("[;\\n]");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern EQUALS = Pattern.compile("=");
    private static final Pattern COMMA = Pattern.compile(",");

    public Channel {
        severities = Set.copyOf(severities);
        kinds = Set.copyOf(kinds);
    }

    public boolean takes(MessageKind kind, Severity severity) {
        return kinds.contains(kind) && severities.contains(severity);
    }

    /** Where it goes, without a webhook URL's secret path: for pages, logs and the API. */
    public String shownTarget() {
        if (type == ChannelType.EMAIL) {
            return target;
        }
        URI u = URI.create(target);
        return u.getScheme() + "://" + u.getAuthority() + (u.getPath() == null || u.getPath().length() <= 1 ? ""
                : "/…");
    }

    public List<String> addresses() {
        return List.of(COMMA.split(target));
    }

    /** Every entry, each error naming the entry by its position and text. */
    public static List<Channel> parseAll(String text) {
        Map<String, Channel> byName = new LinkedHashMap<>();
        String[] entries = ENTRY_SEPARATOR.split(text);
        int position = 0;
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            position++;
            Channel c = parse(position, entry, byName.keySet());
            byName.put(c.name(), c);
        }
        return List.copyOf(byName.values());
    }

    private static Channel parse(int position, String entry, Set<String> taken) {
        String where = "entry " + position + " ('" + shorten(entry) + "')";
        String[] words = WHITE_SPACE.split(entry);
        ChannelType type = ChannelType.fromJson(words[0]).orElseThrow(() -> ValidationException.of(SETTING,
                where + ": '" + words[0] + "' is not a channel type; use slack, mattermost, teams, webhook or email"));
        if (words.length < 2) {
            throw ValidationException.of(SETTING, where + ": says where to send, e.g. `" + type.json()
                    + (type == ChannelType.EMAIL ? " oncall@example.com`" : " https://…`"));
        }
        String target = words[1];
        if (type == ChannelType.EMAIL) {
            for (String a : COMMA.split(target)) {
                if (!ADDRESS.matcher(a).matches()) {
                    throw ValidationException.of(SETTING, where + ": '" + a + "' is not an e-mail address");
                }
            }
        } else {
            checkUrl(where, target);
        }
        Set<Severity> severities = EnumSet.allOf(Severity.class);
        Set<MessageKind> kinds = EnumSet.allOf(MessageKind.class);
        String name = null;
        for (int i = 2; i < words.length; i++) {
            String[] kv = EQUALS.split(words[i], 2);
            if (kv.length != 2 || kv[1].isEmpty()) {
                throw ValidationException.of(SETTING, where + ": '" + words[i] + "' should be severity=…, events=… "
                        + "or name=…");
            }
            switch (kv[0]) {
                case "severity" -> {
                    severities = EnumSet.noneOf(Severity.class);
                    for (String s : COMMA.split(kv[1])) {
                        severities.add(Severity.parse(SETTING, s));
                    }
                }
                case "events" -> {
                    kinds = EnumSet.noneOf(MessageKind.class);
                    for (String s : COMMA.split(kv[1])) {
                        kinds.add(MessageKind.parse(SETTING, s));
                    }
                }
                case "name" -> name = kv[1];
                default -> throw ValidationException.of(SETTING, where + ": unknown option '" + kv[0]
                        + "'; use severity, events or name");
            }
        }
        if (name == null) {
            name = type.json();
            for (int n = 2; taken.contains(name); n++) {
                name = type.json() + "-" + n;
            }
        }
        if (!NAME.matcher(name).matches()) {
            throw ValidationException.of(SETTING, where + ": name '" + name + "' may use a-z, 0-9, - and _ only");
        }
        if (taken.contains(name)) {
            throw ValidationException.of(SETTING, where + ": the name '" + name + "' is used twice");
        }
        return new Channel(name, type, target, severities, kinds);
    }

    private static void checkUrl(String where, String target) {
        URI u;
        try {
            u = URI.create(target);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(SETTING, where + ": '" + shorten(target) + "' is not a URL");
        }
        if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) {
            throw ValidationException.of(SETTING, where + ": the webhook URL must start with https:// (or http:// "
                    + "inside your network)");
        }
    }

    private static final Pattern URL_PATH = Pattern.compile("(https?://[^/\\s]+)/\\S*");

    /** Entries hold webhook secrets in their URL paths: errors show a URL's scheme and host only. */
    private static String shorten(String s) {
        String shown = URL_PATH.matcher(s).replaceAll("$1/…");
        return shown.length() <= 80 ? shown : shown.substring(0, 80) + "…";
    }

    static List<String> names(List<Channel> channels) {
        List<String> out = new ArrayList<>();
        channels.forEach(c -> out.add(c.name()));
        return out;
    }
}
