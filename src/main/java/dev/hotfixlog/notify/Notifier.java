package dev.hotfixlog.notify;

import dev.hotfixlog.Config;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.RecordChange;
import dev.hotfixlog.hotfix.RecordListener;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.store.Dialect;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what to say and to whom, and queues it in the caller's transaction. As a {@link RecordListener} it
 * sends the Incident Alert when a hotfix is declared and the Hotfix Complete message when it is resolved; each is
 * queued at most once per hotfix and channel, whatever retries or second instances do. Imports and deletions say
 * nothing: an imported record is history, not news.
 */
public final class Notifier implements RecordListener {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    static final String SYSTEM = "hotfix-log";
    private final List<Channel> channels;
    private final Templates templates;
    private final OutboxRepository outbox;
    private final String publicUrl;
    private final Clock clock;

    /**
     * Reads the channels and templates of {@code config} (a bad entry or an unknown placeholder stops here, with
     * the setting and line) for a database of this dialect; each channel is of one of the {@code kinds}.
     */
    public static Notifier create(Config config, List<ChannelKind> kinds, Dialect dialect, Clock clock) {
        return new Notifier(
                Channel.parseAll(config.followThrough().channels(), kinds),
                Templates.load(config.followThrough().templatesDir()),
                new OutboxRepository(dialect),
                config.publicUrl(),
                clock);
    }

    Notifier(List<Channel> channels, Templates templates, OutboxRepository outbox, String publicUrl, Clock clock) {
        this.channels = List.copyOf(channels);
        this.templates = templates;
        this.outbox = outbox;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public void onChange(Handle h, RecordChange change) {
        Hotfix after = change.after();
        switch (change.kind()) {
            case CREATED ->
                enqueue(h, after, MessageKind.ALERT, "alert:" + after.id(), values(after, null), SYSTEM, false);
            case EDITED, EVENT -> {
                if (change.before().status() != Status.COMPLETED && after.status() == Status.COMPLETED) {
                    enqueue(
                            h,
                            after,
                            MessageKind.COMPLETE,
                            "complete:" + after.id(),
                            values(after, null),
                            SYSTEM,
                            false);
                }
            }
            case IMPORTED, DELETED -> {}
        }
    }

    /**
     * Queues a breached sign for every channel whose events include signs (whatever their severities: a sign is
     * about the whole log). {@code dedupeKey} makes it once per sign and day.
     */
    int queueSign(Handle h, SignAlarm sign, String dedupeKey) {
        List<Channel> targets = channels.stream()
                .filter(c -> c.kinds().contains(MessageKind.SIGN))
                .toList();
        if (targets.isEmpty()) {
            return 0;
        }
        Message m = render(MessageKind.SIGN, MessageValues.sign(sign, publicUrl));
        outbox.enqueue(
                h, null, null, targets, dedupeKey, m, SYSTEM, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return targets.size();
    }

    Map<String, String> values(Hotfix h, String eta) {
        return MessageValues.of(h, eta, publicUrl);
    }

    boolean usesEta(MessageKind kind) {
        return templates.usesEta(kind);
    }

    Message render(MessageKind kind, Map<String, String> values) {
        return templates.render(kind, values);
    }

    List<Channel> channelsFor(MessageKind kind, Hotfix h) {
        List<Channel> out = new ArrayList<>();
        for (Channel c : channels) {
            if (c.takes(kind, h.severity())) {
                out.add(c);
            }
        }
        return out;
    }

    List<Channel> channels() {
        return channels;
    }

    OutboxRepository outbox() {
        return outbox;
    }

    String publicUrl() {
        return publicUrl;
    }

    /** Queues one message per channel that takes it; returns the ids of the rows that are now queued. */
    List<Long> queue(
            Handle h, Hotfix hotfix, MessageKind kind, String dedupeKey, Map<String, String> values, String actor) {
        return enqueue(h, hotfix, kind, dedupeKey, values, actor, true);
    }

    private List<Long> enqueue(
            Handle h,
            Hotfix hotfix,
            MessageKind kind,
            String dedupeKey,
            Map<String, String> values,
            String actor,
            boolean wantIds) {
        List<Channel> targets = channelsFor(kind, hotfix);
        if (targets.isEmpty()) {
            return List.of();
        }
        Message m;
        try {
            m = render(kind, values);
        } catch (RuntimeException e) {
            // The change matters more than its message: a template that cannot be filled must not stop a
            // declare at 3 AM. Say so loudly, and store the change.
            LOG.error(
                    "could not fill the {} template for {}; the change is stored, the message is not sent",
                    kind.json(),
                    hotfix.id(),
                    e);
            return List.of();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        outbox.enqueue(h, hotfix.id().toString(), hotfix.severity(), targets, dedupeKey, m, actor, now);
        return wantIds ? outbox.findIds(h, targets, dedupeKey) : List.of();
    }
}
