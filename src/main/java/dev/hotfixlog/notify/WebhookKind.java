package dev.hotfixlog.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import java.net.URI;

/**
 * What every kind of channel that posts JSON to a webhook URL shares: the target is an http(s) URL, shown without
 * its path (where the secret is), and a message goes out as the kind's {@link #payload} through one
 * {@link WebhookPost}. A kind of its own says only its name and its payload.
 */
public abstract class WebhookKind implements ChannelKind {
    /** Made on the first send, not here: most commands never send. */
    private final WebhookPost post = new WebhookPost();

    /** The JSON this kind's webhook expects for the message. */
    protected abstract ObjectNode payload(QueuedMessage m);

    @Override
    public String example() {
        return "https://…";
    }

    @Override
    public void checkTarget(String where, String target) {
        URI u;
        try {
            u = URI.create(target);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(Channel.SETTING, where + ": '" + Channel.shorten(target) + "' is not a URL");
        }
        if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) {
            throw ValidationException.of(
                    Channel.SETTING,
                    where + ": the webhook URL must start with https:// (or " + "http:// inside your network)");
        }
    }

    @Override
    public String shownTarget(String target) {
        URI u = URI.create(target);
        return u.getScheme() + "://" + u.getAuthority()
                + (u.getPath() == null || u.getPath().length() <= 1 ? "" : "/…");
    }

    @Override
    public void send(Channel channel, QueuedMessage m) throws DeliveryFailure {
        post.send(channel, m, Json.write(payload(m)));
    }
}
