package dev.hotfixlog.deploy;

import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.LifecycleEvent;
import dev.hotfixlog.hotfix.RecordEdit;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * {@link DeployService} on the database. The record is read through its views and changed only through
 * {@link HotfixService}: confirming a fix deploy is the record's own "deployed" event (or, once it is past that,
 * an edit of its "fix deployed" time).
 */
public final class LocalDeployService implements DeployService {
    private final Database db;
    private final SecretRedactor redactor;
    private final Clock clock;
    private final HotfixService hotfixes;
    private final Duration causeWindow;
    private final DeployRepository repo = new DeployRepository();

    public LocalDeployService(
            Database db, Clock clock, SecretRedactor redactor, HotfixService hotfixes, Duration causeWindow) {
        this.db = Objects.requireNonNull(db, "db");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hotfixes = Objects.requireNonNull(hotfixes, "hotfixes");
        this.causeWindow = Objects.requireNonNull(causeWindow, "causeWindow");
    }

    @Override
    public Recorded record(DeployMarker sent, String source, String actor) {
        // A pipeline's text (a version, a run's URL with a token in it) is masked like any text the log keeps.
        DeployMarker marker = new DeployMarker(
                mask(sent.system()),
                mask(sent.version()),
                sent.at(),
                sent.environment(),
                mask(sent.url()),
                mask(sent.externalId()));
        // The actor may carry the sender's words (GitHub's sender login): masked and bounded like the rest.
        String who = mask(actor.length() > DeployMarker.MAX ? actor.substring(0, DeployMarker.MAX) : actor);
        long now = clock.millis();
        long at = marker.at() == null ? now : marker.at().toEpochMilli();
        String key = marker.externalId() == null ? null : source + ":" + marker.externalId();
        return db.write(h -> {
            var id = repo.insert(h, marker, at, source, who, key, now);
            if (id.isPresent()) {
                return new Recorded(repo.find(h, id.get()).orElseThrow(), false);
            }
            return new Recorded(repo.byKey(h, key).orElseThrow(), true);
        });
    }

    private String mask(String text) {
        return text == null ? null : redactor.redact(text).text();
    }

    @Override
    public List<Deploy> list(String system, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        return db.read(h -> repo.list(h, system, limit));
    }

    @Override
    public HotfixDeploys forHotfix(String hotfixId) {
        String id = HotfixId.parse(hotfixId).toString();
        return db.read(h -> {
            DeployRepository.RecordFacts r =
                    repo.record(h, id).orElseThrow(() -> new NotFoundException("no hotfix " + id));
            Map<HotfixDeploys.Role, DeployRepository.Confirmed> links = repo.links(h, id);
            HotfixDeploys.Link cause = link(
                    h,
                    links.get(HotfixDeploys.Role.CAUSE),
                    () -> r.detectedAt() == null
                            ? null
                            : repo.lastBefore(h, r.systems(), r.detectedAt() - causeWindow.toMillis(), r.detectedAt())
                                    .orElse(null));
            HotfixDeploys.Link fix = link(
                    h,
                    links.get(HotfixDeploys.Role.FIX),
                    () -> repo.firstAfter(h, r.systems(), r.declaredAt()).orElse(null));
            return new HotfixDeploys(id, cause, fix);
        });
    }

    private HotfixDeploys.Link link(Handle h, DeployRepository.Confirmed confirmed, Supplier<Deploy> suggestion) {
        if (confirmed != null) {
            return new HotfixDeploys.Link(
                    repo.find(h, confirmed.deployId()).orElseThrow(),
                    true,
                    confirmed.by(),
                    Instant.ofEpochMilli(confirmed.at()));
        }
        Deploy d = suggestion.get();
        return d == null ? null : new HotfixDeploys.Link(d, false, null, null);
    }

    @Override
    public HotfixDeploys confirm(String hotfixId, HotfixDeploys.Role role, long deployId, String actor) {
        HotfixId id = HotfixId.parse(hotfixId);
        Deploy d =
                db.read(h -> repo.find(h, deployId)).orElseThrow(() -> new NotFoundException("no deploy " + deployId));
        Hotfix current = hotfixes.get(id);
        if (role == HotfixDeploys.Role.FIX) {
            // The record's own rules check the time (not before detection); a refusal leaves nothing linked.
            if (current.status() == Status.ACTIVE) {
                hotfixes.record(id, new LifecycleEvent(LifecycleEvent.Type.DEPLOYED, d.at(), false), actor);
            } else if (!d.at().equals(current.timeline().fixDeployedAt())) {
                hotfixes.edit(id, current.version(), RecordEdit.set(RecordEdit.Moment.FIX_DEPLOYED, d.at()), actor);
            }
        }
        db.write(h -> {
            repo.link(h, id.toString(), role, deployId, actor, clock.millis());
            return null;
        });
        return forHotfix(id.toString());
    }
}
