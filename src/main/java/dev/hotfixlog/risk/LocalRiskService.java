package dev.hotfixlog.risk;

import dev.hotfixlog.error.ConflictException;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.web.HotfixView;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * {@link RiskService} on the database. Every text is masked by the one redactor before it is stored, as every
 * text of the log; the hotfix is read through {@link HotfixService}. Each change writes the risk and its event
 * in one transaction, at the version it read.
 */
public final class LocalRiskService implements RiskService {
    private final Database db;
    private final Clock clock;
    private final SecretRedactor redactor;
    private final HotfixService hotfixes;
    private final ReviewPeriods periods;
    private final RiskRepository repo = new RiskRepository();

    public LocalRiskService(
            Database db, Clock clock, SecretRedactor redactor, HotfixService hotfixes, ReviewPeriods periods) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.hotfixes = Objects.requireNonNull(hotfixes, "hotfixes");
        this.periods = Objects.requireNonNull(periods, "periods");
    }

    @Override
    public List<Risk> list(RiskQuery query) {
        String hotfix = query.hotfixId() == null
                ? null
                : HotfixId.parse(query.hotfixId()).toString();
        RiskQuery q = new RiskQuery(query.standing(), query.system(), query.owner(), hotfix, query.limit());
        return db.read(h -> repo.list(h, q, clock.millis()));
    }

    @Override
    public Risk get(long id) {
        return db.read(h -> repo.find(h, id)).orElseThrow(() -> new NotFoundException("no risk RISK-" + id));
    }

    @Override
    public List<RiskEvent> history(long id) {
        get(id);
        return db.read(h -> repo.events(h, id));
    }

    @Override
    public Risk add(NewRisk r, String actor) {
        Hotfix hotfix = hotfixes.get(HotfixId.parse(r.hotfixId()));
        long now = clock.millis();
        Instant reviewBy =
                r.reviewBy() != null ? r.reviewBy() : Instant.ofEpochMilli(now).plus(periods.of(hotfix.severity()));
        long id = db.write(h -> {
            // Nobody named: the hotfix's owner owns what it accepted.
            long made = repo.insert(
                    h,
                    new RiskRepository.Row(
                            hotfix.id().toString(),
                            false,
                            mask(r.statement()),
                            r.owner() != null ? mask(r.owner()) : hotfix.owner(),
                            mask(actor),
                            r.decision(),
                            mask(r.controls()),
                            mask(r.properFix()),
                            reviewBy.toEpochMilli(),
                            now));
            repo.event(h, made, now, mask(actor), "accepted", "added by hand; review by " + HotfixView.time(reviewBy));
            return made;
        });
        return get(id);
    }

    @Override
    public Risk retire(long id, String reason, String actor) {
        String why = required("reason", reason, "why it is retired (the proper fix shipped, the system is gone, …)");
        return change(id, actor, "retired", why, r -> {
            if (r.state() == RiskState.RETIRED) {
                throw new ConflictException(r.key() + " is already retired");
            }
            return with(r, r.statement(), r.controls(), r.reviewBy(), RiskState.RETIRED, clock.instant(), why, false);
        });
    }

    @Override
    public Risk reaccept(long id, Instant reviewBy, String reason, String actor) {
        String why = required("reason", reason, "why the risk is accepted again");
        if (reviewBy == null || !reviewBy.isAfter(clock.instant())) {
            throw ValidationException.of("reviewBy", "must be a time after now, was " + reviewBy);
        }
        return change(
                id,
                actor,
                "reaccepted",
                why + "; review by " + HotfixView.time(reviewBy),
                r -> with(r, r.statement(), r.controls(), reviewBy, RiskState.OPEN, null, null, false));
    }

    @Override
    public Risk mitigate(long id, String controls, String actor) {
        String what = required("controls", controls, "the compensating controls now in place");
        return change(id, actor, "mitigated", what, r -> {
            if (r.state() == RiskState.RETIRED) {
                throw new ConflictException(r.key() + " is retired; accept it again first");
            }
            return with(r, r.statement(), what, r.reviewBy(), RiskState.MITIGATED, null, null, false);
        });
    }

    private Risk change(long id, String actor, String action, String detail, UnaryOperator<Risk> how) {
        long now = clock.millis();
        db.write(h -> {
            Risk current = repo.find(h, id).orElseThrow(() -> new NotFoundException("no risk RISK-" + id));
            Risk next = how.apply(current);
            if (!repo.update(h, next, now)) {
                throw new ConflictException(current.key() + " changed meanwhile; read it again");
            }
            repo.event(h, id, now, mask(actor), action, mask(detail));
            return null;
        });
        return get(id);
    }

    static Risk with(
            Risk r,
            String statement,
            String controls,
            Instant reviewBy,
            RiskState state,
            Instant retiredAt,
            String reason,
            boolean byFix) {
        return new Risk(
                r.id(),
                r.hotfixId(),
                r.fromRecord(),
                statement,
                r.owner(),
                r.acceptedBy(),
                r.decision(),
                controls,
                r.properFix(),
                reviewBy,
                state,
                r.acceptedAt(),
                retiredAt,
                reason,
                byFix,
                r.systems(),
                r.version());
    }

    private String required(String field, String text, String what) {
        List<FieldError> errors = new ArrayList<>();
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "is required: " + what));
        }
        NewRisk.check(errors, field, text, NewRisk.MAX_TEXT);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return mask(text.strip());
    }

    private String mask(String text) {
        return text == null ? null : redactor.redact(text).text();
    }
}
