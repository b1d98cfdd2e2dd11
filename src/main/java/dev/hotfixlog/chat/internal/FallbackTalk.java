package dev.hotfixlog.chat.internal;

import dev.hotfixlog.chat.ChatInbound;
import dev.hotfixlog.chat.ChatTalk;
import dev.hotfixlog.error.RemoteException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workspace's talk for one command or button: an answer its reply address ({@code response_url}) fails to take
 * (refused, unknown host, timed out, a 4xx or 5xx) is told to the person in the channel through the chat's API at
 * once instead, as {@link ReplyAddress} does for an address it will not call. Everything else goes through as is.
 */
final class FallbackTalk implements ChatTalk {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackTalk.class);

    private final ChatTalk talk;
    private final String channel;
    private final String user;

    private FallbackTalk(ChatTalk talk, String channel, String user) {
        this.talk = talk;
        this.channel = channel;
        this.user = user;
    }

    /** The workspace, its talk falling back to {@link ChatTalk#tell} for the person and channel of {@code in}. */
    static Workspace around(Workspace w, ChatInbound in) {
        String channel = null;
        String user = null;
        if (in instanceof ChatInbound.Command c) {
            channel = c.channel();
            user = c.who().user();
        } else if (in instanceof ChatInbound.Button b) {
            channel = b.channel();
            user = b.who().user();
        }
        if (channel == null || channel.isEmpty() || user == null || user.isEmpty()) {
            return w;
        }
        return new Workspace(w.platform(), w.entry(), new FallbackTalk(w.talk(), channel, user));
    }

    @Override
    public void answer(String reply, String text, boolean everyone) {
        try {
            talk.answer(reply, text, everyone);
        } catch (RemoteException e) {
            if (reply == null || reply.startsWith(ReplyAddress.EPHEMERAL)) {
                throw e; // the API itself failed: the inbox tries the request again later
            }
            LOG.warn("a reply address failed ({}); answered through the chat's API instead", e.getMessage());
            talk.tell(channel, user, text);
        }
    }

    @Override
    public void tell(String channel, String user, String text) {
        talk.tell(channel, user, text);
    }

    @Override
    public void openDeclareForm(String trigger, String channel, String title) {
        talk.openDeclareForm(trigger, channel, title);
    }

    @Override
    public void openDeclareForm(String trigger, String channel, String title, ChatInbound.Person who) {
        talk.openDeclareForm(trigger, channel, title, who);
    }

    @Override
    public void openAddMessageForm(String trigger, ChatInbound.Message message, Map<String, String> hotfixes) {
        talk.openAddMessageForm(trigger, message, hotfixes);
    }

    @Override
    public String permalink(String channel, String ts) {
        return talk.permalink(channel, ts);
    }

    @Override
    public String displayName(String user) {
        return talk.displayName(user);
    }

    @Override
    public String post(String channel, Announcement announcement) {
        return talk.post(channel, announcement);
    }

    @Override
    public void reply(String channel, String message, String text) {
        talk.reply(channel, message, text);
    }

    @Override
    public void update(String channel, String message, Announcement announcement) {
        talk.update(channel, message, announcement);
    }

    @Override
    public String openChannel(String name, String user) {
        return talk.openChannel(name, user);
    }

    @Override
    public void pin(String channel, String message) {
        talk.pin(channel, message);
    }

    @Override
    public void archive(String channel) {
        talk.archive(channel);
    }

    @Override
    public String verifiedEmail(String user) {
        return talk.verifiedEmail(user);
    }
}
