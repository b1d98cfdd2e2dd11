package dev.hotfixlog.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.hotfixlog.Setting;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.support.WebhookReceiver;
import java.util.EnumMap;
import java.util.Map;

/**
 * A server whose channels point at a real local webhook receiver and a real SMTP server (GreenMail), with the
 * background worker off: each test delivers by calling the worker under its own clock.
 */
final class NotifyFixture implements AutoCloseable {
    static final String SMTP_USER = "hotfix";
    static final String SMTP_PASSWORD = "mail-secret";
    final MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
    final WebhookReceiver receiver;
    final GreenMail mail;
    final RunningServer server;

    NotifyFixture(TestDb db, WebhookReceiver receiver, String channels, Map<Setting, String> more) {
        this.receiver = receiver;
        this.mail = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        mail.start();
        mail.setUser("hotfix-log@example.com", SMTP_USER, SMTP_PASSWORD);
        Map<Setting, String> s = new EnumMap<>(Setting.class);
        s.put(Setting.CHANNELS, channels.replace("{receiver}", receiver.url("")));
        s.put(Setting.SMTP_HOST, "127.0.0.1");
        s.put(Setting.SMTP_PORT, String.valueOf(mail.getSmtp().getPort()));
        s.put(Setting.SMTP_TLS, "none");
        s.put(Setting.SMTP_USER, SMTP_USER);
        s.put(Setting.SMTP_PASSWORD, SMTP_PASSWORD);
        s.put(Setting.SMTP_FROM, "hotfix-log@example.com");
        s.put(Setting.PUBLIC_URL, "https://hotfix.example.com");
        s.put(Setting.NOTIFY_INTERVAL_MS, "0");
        s.putAll(more);
        this.server = new RunningServer(db.config(s), clock);
    }

    DeliveryWorker worker() {
        return server.app().deliveryWorker();
    }

    @Override
    public void close() {
        server.close();
        mail.stop();
        receiver.close();
    }
}
