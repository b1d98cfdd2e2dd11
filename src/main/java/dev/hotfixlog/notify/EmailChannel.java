package dev.hotfixlog.notify;

import com.google.re2j.Pattern;
import dev.hotfixlog.Config;
import dev.hotfixlog.error.ValidationException;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * E-mail ({@code email oncall@example.com,cto@example.com}): the target is one or more addresses, sent over SMTP: STARTTLS required by default (a server that cannot upgrade is a failed delivery, not a
 * plain-text one), implicit TLS, or none for a trusted relay; authentication when a user is set. The message id
 * is derived from the outbox id, so a repeat after a lost answer is recognisable.
 */
public final class EmailChannel implements ChannelKind {
    private static final String TIMEOUT_MILLIS = "10000";
    private static final Pattern NOT_HOST_NAME = Pattern.compile("[^A-Za-z0-9.-]");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,<>\"]+@[^@\\s,<>\"]+");
    private static final Pattern COMMA = Pattern.compile(",");
    private final Config.FollowThrough config;
    /**
     * Made on the first send, not with the channel: every app lists this kind (a remote CLI too, for its
     * migration tools' sake), and few of them ever send mail.
     */
    private volatile Session session;

    public EmailChannel(Config.FollowThrough config) {
        this.config = config;
    }

    private Session session() {
        Session s = session;
        if (s == null) {
            synchronized (this) {
                s = session;
                if (s == null) {
                    s = Session.getInstance(properties(config));
                    session = s;
                }
            }
        }
        return s;
    }

    private static Properties properties(Config.FollowThrough config) {
        Properties p = new Properties();
        boolean implicitTls = config.smtpTls().equals("tls");
        String protocol = implicitTls ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", config.smtpHost());
        p.put("mail." + protocol + ".port", String.valueOf(config.smtpPort()));
        p.put("mail." + protocol + ".auth", String.valueOf(!config.smtpUser().isEmpty()));
        p.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        p.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        p.put("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
        if (config.smtpTls().equals("starttls")) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        // A certificate for another host is a failed delivery, not a warning.
        p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        return p;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public String example() {
        return "oncall@example.com";
    }

    @Override
    public void checkTarget(String where, String target) {
        for (String a : addresses(target)) {
            if (!ADDRESS.matcher(a).matches()) {
                throw ValidationException.of(Channel.SETTING, where + ": '" + a + "' is not an e-mail address");
            }
        }
    }

    /** Addresses hold no secret: shown as written. */
    @Override
    public String shownTarget(String target) {
        return target;
    }

    /** The addresses of a target, as written between its commas. */
    static List<String> addresses(String target) {
        return List.of(COMMA.split(target));
    }

    @Override
    public void send(Channel channel, QueuedMessage m) throws DeliveryFailure {
        if (config.smtpHost().isEmpty()) {
            throw new DeliveryFailure("no SMTP server: set HOTFIX_SMTP_HOST");
        }
        try {
            MimeMessage mail = new IdentifiedMessage(session(), m.id(), config.smtpFrom());
            mail.setFrom(new InternetAddress(config.smtpFrom(), true));
            mail.setRecipients(jakarta.mail.Message.RecipientType.TO, addresses(channel));
            mail.setSubject(m.subject(), StandardCharsets.UTF_8.name());
            mail.setText(m.body() + "\n", StandardCharsets.UTF_8.name());
            if (m.hotfixId() != null) {
                mail.setHeader("X-Hotfix-Id", m.hotfixId());
            }
            if (config.smtpUser().isEmpty()) {
                Transport.send(mail);
            } else {
                Transport.send(mail, config.smtpUser(), config.smtpPassword());
            }
        } catch (MessagingException e) {
            throw new DeliveryFailure("SMTP " + config.smtpHost() + ":" + config.smtpPort() + " refused: "
                    + (e.getMessage() == null
                            ? e.getClass().getSimpleName()
                            : e.getMessage().strip()));
        }
    }

    private static Address[] addresses(Channel channel) throws MessagingException {
        List<String> written = addresses(channel.target());
        Address[] to = new Address[written.size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(written.get(i), true);
        }
        return to;
    }

    /** A Message-ID of our own: the same outbox message always has the same id. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final long outboxId;
        private final String domain;

        IdentifiedMessage(Session session, long outboxId, String from) {
            super(session);
            this.outboxId = outboxId;
            int at = from.lastIndexOf('@');
            this.domain = at < 0
                    ? "localhost"
                    : NOT_HOST_NAME.matcher(from.substring(at + 1)).replaceAll("");
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<hotfix-log-" + outboxId + "@" + domain + ">");
        }
    }
}
