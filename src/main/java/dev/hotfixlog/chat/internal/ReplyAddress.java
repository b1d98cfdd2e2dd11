package dev.hotfixlog.chat.internal;

import dev.hotfixlog.chat.ChatInbound;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides whether a request's reply address ({@code response_url}) is followed. The address
 * comes in the request's body, so a signed request could otherwise make the log POST anywhere it reaches (its own
 * network included). It is followed only when it is https to one of the platform's own hosts ({@code
 * hooks.slack.com}, the host of the entry's {@code api=}), or any scheme to the exact origin of {@code api=}.
 * Anything else is answered another way: told to the person in the channel through the chat's API.
 */
public final class ReplyAddress {
    /** A reply address that is no URL: tell {@code <channel> <user>} through the chat's API. */
    public static final String EPHEMERAL = "ephemeral ";

    private static final Logger LOG = LoggerFactory.getLogger(ReplyAddress.class);

    private ReplyAddress() {}

    /** The request with a reply address that may be followed: its own when allowed, else an ephemeral one. */
    static ChatInbound checked(Workspace w, ChatInbound in) {
        if (in instanceof ChatInbound.Command c && !followed(w, c.reply())) {
            return new ChatInbound.Command(c.who(), c.channel(), c.text(), instead(w, c.reply(), c), c.trigger());
        }
        if (in instanceof ChatInbound.Button b && !followed(w, b.reply())) {
            return new ChatInbound.Button(
                    b.who(), b.channel(), b.action(), b.hotfix(), instead(w, b.reply(), b), b.message());
        }
        return in;
    }

    private static boolean followed(Workspace w, String reply) {
        return reply == null
                || reply.startsWith(EPHEMERAL)
                || allowed(reply, w.entry().option("api"), w.platform().replyHosts(w.entry()));
    }

    private static String instead(Workspace w, String reply, ChatInbound in) {
        // Once per request; the query can hold a token, so only the scheme, host and path are logged.
        LOG.warn("{}: a request's reply address {} is not the platform's own; not called", w.path(), shown(reply));
        String channel = in instanceof ChatInbound.Command c ? c.channel() : ((ChatInbound.Button) in).channel();
        String user = in instanceof ChatInbound.Command c
                ? c.who().user()
                : ((ChatInbound.Button) in).who().user();
        return channel == null || channel.isEmpty() ? null : EPHEMERAL + channel + " " + user;
    }

    /**
     * True when {@code reply} may be called: https to one of {@code hosts} or to {@code api}'s host, or http(s) to
     * {@code api}'s exact origin; never with user information (it hides the real host from a reader).
     */
    public static boolean allowed(String reply, String api, List<String> hosts) {
        URI r = uri(reply);
        if (r == null || r.getRawUserInfo() != null || r.getHost() == null) {
            return false;
        }
        String scheme = Objects.requireNonNullElse(r.getScheme(), "").toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return false;
        }
        String host = r.getHost().toLowerCase(Locale.ROOT);
        URI a = api == null ? null : uri(api);
        if (a != null && a.getHost() != null) {
            boolean sameOrigin =
                    scheme.equalsIgnoreCase(a.getScheme()) && host.equalsIgnoreCase(a.getHost()) && port(r) == port(a);
            if (sameOrigin) {
                return true;
            }
        }
        return scheme.equals("https") && hosts.stream().anyMatch(host::equalsIgnoreCase);
    }

    private static URI uri(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String shown(String reply) {
        URI r = uri(reply);
        return r == null
                ? "(not a URL)"
                : r.getScheme() + "://" + r.getHost() + (r.getPort() < 0 ? "" : ":" + r.getPort()) + r.getRawPath();
    }
}
