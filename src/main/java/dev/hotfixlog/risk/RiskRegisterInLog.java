package dev.hotfixlog.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.web.HotfixView;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.markdown.LogRegister;
import dev.hotfixlog.security.SecretRedactor;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The register as a full Markdown export's own section, and its import. Written: a table for people (hotfix,
 * standing, review date, owner, statement) and a details block with every field and the history. Read back after
 * the page's records, whose Risk Accepted made their own risks: each listed risk is matched (the record's own by
 * its hotfix, one added by hand by its hotfix, statement and acceptance time) or added, then set as the page says, its texts
 * through the one redactor and its history replaced by the page's. Risk numbers are the log's, not the page's:
 * a page names a risk by its hotfix and words, so export → import → export reads the same in another log.
 */
public final class RiskRegisterInLog implements LogRegister {
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Set<String> ACTIONS = Set.of("accepted", "edited", "mitigated", "retired", "reaccepted");
    private final Clock clock;
    private final SecretRedactor redactor;
    private final RiskRepository repo = new RiskRepository();

    public RiskRegisterInLog(Clock clock, SecretRedactor redactor) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    @Override
    public Register write(Handle h) {
        List<Risk> risks = repo.all(h);
        if (risks.isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        List<String> table = new ArrayList<>(
                List.of("| Hotfix | Standing | Review by | Owner | Accepted risk |", "|---|---|---|---|---|"));
        ArrayNode details = Json.mapper().createArrayNode();
        for (Risk r : risks) {
            table.add("| " + r.hotfixId() + " | " + r.standing(now).json() + " | " + HotfixView.time(r.reviewBy())
                    + " | " + cell(r.owner()) + " | " + cell(r.statement()) + " |");
            ObjectNode o = details.addObject();
            o.put("hotfix", r.hotfixId());
            o.put("fromRecord", r.fromRecord());
            o.put("statement", r.statement());
            o.put("owner", r.owner());
            o.put("acceptedBy", r.acceptedBy());
            o.put("acceptedAt", r.acceptedAt().toString());
            o.put("decision", r.decision().json());
            o.put("controls", r.controls());
            o.put("properFix", r.properFix());
            o.put("reviewBy", r.reviewBy().toString());
            o.put("state", r.state().json());
            o.put("retiredAt", r.retiredAt() == null ? null : r.retiredAt().toString());
            o.put("retireReason", r.retireReason());
            o.put("retiredByFix", r.retiredByFix());
            ArrayNode history = o.putArray("history");
            for (RiskEvent e : repo.events(h, r.id())) {
                history.addObject()
                        .put("at", e.at().toString())
                        .put("actor", e.actor())
                        .put("action", e.action())
                        .put("detail", e.detail());
            }
        }
        return new Register(table, details);
    }

    /** A table cell: one line, its bars escaped, cut short (the details block holds the whole). */
    private static String cell(String text) {
        if (text == null) {
            return "";
        }
        String one = WHITE_SPACE.matcher(text).replaceAll(" ").strip().replace("|", "\\|");
        return one.length() > 120 ? one.substring(0, 119) + "…" : one;
    }

    @Override
    public void restore(Handle h, ArrayNode details, String actor) {
        long now = clock.millis();
        int n = 0;
        Set<Long> matched = new HashSet<>();
        for (JsonNode node : details) {
            n++;
            Risk wanted = read(h, node, "Risk Register, risk " + n);
            // A hand-added risk is the same one when its hotfix, words and acceptance time are: two risks may share
            // their words, and each page risk is matched once.
            Optional<Risk> found = wanted.fromRecord()
                    ? repo.fromRecord(h, wanted.hotfixId())
                    : repo.ofHotfix(h, wanted.hotfixId()).stream()
                            .filter(r -> !r.fromRecord()
                                    && !matched.contains(r.id())
                                    && r.statement().equals(wanted.statement())
                                    && r.acceptedAt().equals(wanted.acceptedAt()))
                            .findFirst();
            found.ifPresent(r -> matched.add(r.id()));
            long id = found.map(Risk::id)
                    .orElseGet(() -> repo.insert(
                            h,
                            new RiskRepository.Row(
                                    wanted.hotfixId(),
                                    wanted.fromRecord(),
                                    wanted.statement(),
                                    wanted.owner(),
                                    wanted.acceptedBy(),
                                    wanted.decision(),
                                    wanted.controls(),
                                    wanted.properFix(),
                                    wanted.reviewBy().toEpochMilli(),
                                    wanted.acceptedAt().toEpochMilli())));
            matched.add(id);
            repo.restore(h, wanted.withId(id), now);
            List<RiskEvent> history = new ArrayList<>();
            for (JsonNode e : node.path("history")) {
                String action = e.path("action").asText("");
                if (!ACTIONS.contains(action)) {
                    throw ValidationException.of(
                            "Risk Register, risk " + n,
                            "a history entry's action must be one " + "of " + ACTIONS + ", was "
                                    + SecretRedactor.quoted(action));
                }
                history.add(new RiskEvent(
                        time(e, "at", "Risk Register, risk " + n),
                        mask(e.path("actor").asText("")),
                        action,
                        mask(e.path("detail").isTextual() ? e.path("detail").asText() : null)));
            }
            if (!history.isEmpty()) {
                repo.replaceEvents(h, id, history);
            }
        }
    }

    private Risk read(Handle h, JsonNode o, String where) {
        List<FieldError> errors = new ArrayList<>();
        String hotfix = null;
        try {
            hotfix = HotfixId.parse(o.path("hotfix").asText("")).toString();
            if (!repo.hotfixExists(h, hotfix)) {
                errors.add(new FieldError(where, hotfix + " is neither in the log nor on the page"));
            }
        } catch (ValidationException e) {
            errors.add(new FieldError(where, "hotfix: " + e.errors().get(0).message()));
        }
        String statement = o.path("statement").asText("").strip();
        if (statement.isEmpty()) {
            errors.add(new FieldError(where, "statement: is required"));
        }
        NewRisk.check(errors, where + " statement", statement, NewRisk.MAX_TEXT);
        RiskDecision decision = RiskDecision.ACCEPT;
        RiskState state = RiskState.OPEN;
        try {
            decision =
                    RiskDecision.parse(where + " decision", o.path("decision").asText("accept"));
            state = RiskState.parse(where + " state", o.path("state").asText("open"));
            if (state == RiskState.EXPIRED) {
                throw ValidationException.of(where, "state: expired is read from the review date, not stored");
            }
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant accepted = time(o, "acceptedAt", where);
        Instant reviewBy = time(o, "reviewBy", where);
        Instant retiredAt = o.path("retiredAt").isTextual() ? time(o, "retiredAt", where) : null;
        return new Risk(
                0,
                hotfix,
                o.path("fromRecord").asBoolean(false),
                mask(statement),
                mask(text(o, "owner")),
                mask(o.path("acceptedBy").asText("import")),
                decision,
                mask(text(o, "controls")),
                mask(text(o, "properFix")),
                reviewBy,
                state,
                accepted,
                retiredAt,
                mask(text(o, "retireReason")),
                o.path("retiredByFix").asBoolean(false),
                List.of(),
                1);
    }

    private static String text(JsonNode o, String name) {
        return o.path(name).isTextual() ? o.path(name).asText() : null;
    }

    private static Instant time(JsonNode o, String name, String where) {
        try {
            return Instant.parse(o.path(name).asText(""));
        } catch (DateTimeParseException e) {
            throw ValidationException.of(where, name + ": '" + o.path(name).asText("") + "' is not a time");
        }
    }

    private String mask(String text) {
        return text == null ? null : redactor.redact(text).text();
    }
}
