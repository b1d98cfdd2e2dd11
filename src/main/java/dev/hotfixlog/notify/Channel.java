package dev.hotfixlog.notify;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One configured destination: its name (stored with each queued message), kind, target (a webhook URL or the
 * e-mail addresses), and which severities and messages it takes. Read from {@code HOTFIX_CHANNELS}, one entry per
 * {@code ;} or line: {@code slack https://hooks.slack.com/services/… severity=critical,high events=alert,complete}.
 */
public record Channel(String name, ChannelKind kind, String target, Set<Severity> severities, Set<MessageKind> kinds) {
    public static final String SETTING = "HOTFIX_CHANNELS";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,40}");
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
        return kind.shownTarget(target);
    }

    /**
     * Every entry, each error naming the entry by its position and text; an entry's first word is one of
     * {@code known}'s names.
     */
    public static List<Channel> parseAll(String text, List<ChannelKind> known) {
        Map<String, ChannelKind> kindsByName = new LinkedHashMap<>();
        for (ChannelKind k : known) {
            if (kindsByName.put(k.name(), k) != null) {
                throw new IllegalArgumentException("two channel kinds are named " + k.name());
            }
        }
        Map<String, Channel> byName = new LinkedHashMap<>();
        String[] entries = ENTRY_SEPARATOR.split(text);
        int position = 0;
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            position++;
            Channel c = parse(position, entry, byName.keySet(), kindsByName);
            byName.put(c.name(), c);
        }
        return List.copyOf(byName.values());
    }

    private static Channel parse(int position, String entry, Set<String> taken, Map<String, ChannelKind> known) {
        String where = "entry " + position + " ('" + shorten(entry) + "')";
        String[] words = WHITE_SPACE.split(entry);
        ChannelKind type = known.get(words[0].toLowerCase(Locale.ROOT));
        if (type == null) {
            throw ValidationException.of(
                    SETTING, where + ": '" + words[0] + "' is not a channel type; use " + choices(known.keySet()));
        }
        if (words.length < 2) {
            throw ValidationException.of(
                    SETTING, where + ": says where to send, e.g. `" + type.name() + " " + type.example() + "`");
        }
        String target = words[1];
        type.checkTarget(where, target);
        Set<Severity> severities = EnumSet.allOf(Severity.class);
        Set<MessageKind> kinds = EnumSet.allOf(MessageKind.class);
        String name = null;
        for (int i = 2; i < words.length; i++) {
            String[] kv = EQUALS.split(words[i], 2);
            if (kv.length != 2 || kv[1].isEmpty()) {
                throw ValidationException.of(
                        SETTING, where + ": '" + words[i] + "' should be severity=…, events=… " + "or name=…");
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
                default ->
                    throw ValidationException.of(
                            SETTING, where + ": unknown option '" + kv[0] + "'; use severity, events or name");
            }
        }
        if (name == null) {
            name = type.name();
            for (int n = 2; taken.contains(name); n++) {
                name = type.name() + "-" + n;
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

    /** {@code a, b or c}: the kinds an entry may start with, in the order App lists them. */
    private static String choices(Set<String> names) {
        List<String> l = new ArrayList<>(names);
        return l.size() == 1 ? l.get(0) : String.join(", ", l.subList(0, l.size() - 1)) + " or " + l.get(l.size() - 1);
    }

    private static final Pattern URL_PATH = Pattern.compile("(https?://[^/\\s]+)/\\S*");

    /** Entries hold webhook secrets in their URL paths: errors show a URL's scheme and host only. */
    public static String shorten(String s) {
        String shown = URL_PATH.matcher(s).replaceAll("$1/…");
        return shown.length() <= 80 ? shown : shown.substring(0, 80) + "…";
    }

    static List<String> names(List<Channel> channels) {
        List<String> out = new ArrayList<>();
        channels.forEach(c -> out.add(c.name()));
        return out;
    }
}
