package dev.hotfixlog.chat.internal;

import dev.hotfixlog.chat.ChatTalk;
import java.util.ArrayList;
import java.util.List;

/**
 * The talk of one request whose answer is its HTTP response (Teams): what the conversation says to the person is
 * kept for that response; announcements still go through the workspace's own talk.
 */
final class InlineTalk implements ChatTalk {
    private final ChatTalk workspace;
    private final List<String> said = new ArrayList<>();

    InlineTalk(ChatTalk workspace) {
        this.workspace = workspace;
    }

    /** Everything said, one paragraph each. */
    String said() {
        return String.join("\n\n", said);
    }

    @Override
    public void answer(String reply, String text, boolean everyone) {
        said.add(text);
    }

    @Override
    public void tell(String channel, String user, String text) {
        said.add(text);
    }

    @Override
    public void openDeclareForm(String trigger, String channel, String title) {
        workspace.openDeclareForm(trigger, channel, title);
    }

    @Override
    public String post(String channel, Announcement announcement) {
        return workspace.post(channel, announcement);
    }

    @Override
    public void update(String channel, String message, Announcement announcement) {
        workspace.update(channel, message, announcement);
    }

    @Override
    public String verifiedEmail(String user) {
        return workspace.verifiedEmail(user);
    }
}
