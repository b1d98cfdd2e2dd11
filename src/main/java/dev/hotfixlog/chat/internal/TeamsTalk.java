package dev.hotfixlog.chat.internal;

import dev.hotfixlog.chat.ChatTalk;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Severity;
import java.util.stream.Collectors;

/**
 * A Teams team reached by an outgoing webhook: it can only be answered in the webhook's own response (what
 * {@link InlineTalk} keeps), has no forms, and tells no e-mail address. Announcements stay with the Teams channel
 * kind of the notices ({@code notify}, an incoming webhook), so there is nothing to post or update here.
 */
public final class TeamsTalk implements ChatTalk {
    /** The one-line declaration, as the answer to a {@code declare} without it spells it. */
    public static final String DECLARE = "`@Hotfix declare "
            // The severities a declaration takes, from the one list that accepts them.
            + Severity.stated().stream().map(Severity::json).collect(Collectors.joining("|"))
            + " \"title\" down=yes|no wait=yes|no "
            + "[systems=a,b] [— problem]`: down answers \"Is production down or severely degraded?\", wait "
            + "\"Can it wait 2–4 hours?\"";

    /** What stands for the message of an announcement the notices post. */
    static final String NOTICES = "notify";

    @Override
    public void answer(String reply, String text, boolean everyone) {
        // Only the webhook's response reaches Teams; InlineTalk keeps what is said for it.
    }

    @Override
    public void tell(String channel, String user, String text) {
        // As answer.
    }

    @Override
    public void openDeclareForm(String trigger, String channel, String title) {
        throw ValidationException.of("declare", "Teams has no forms; declare in one line: " + DECLARE);
    }

    @Override
    public String post(String channel, Announcement announcement) {
        return NOTICES;
    }

    @Override
    public void update(String channel, String message, Announcement announcement) {
        // The notices' Teams channel tells of every change.
    }

    @Override
    public String verifiedEmail(String user) {
        return null; // an outgoing webhook names the person, never their address: a link code links them
    }
}
