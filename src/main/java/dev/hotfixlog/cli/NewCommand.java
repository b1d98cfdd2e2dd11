package dev.hotfixlog.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.Config;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Triage;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "new",
        description = "Declare a hotfix. Prints its id first. On a terminal, asks for what is missing,"
                + " starting with the two decision-tree questions.")
final class NewCommand extends AppCommand {
    private String createdId;

    @Option(names = "--title", description = "Brief description")
    String title;

    @Option(names = "--severity", description = "critical, high or medium")
    String severity;

    @Option(names = "--who", description = "Who is making the change")
    String who;

    @Option(names = "--problem", description = "What is broken")
    String problem;

    @Option(names = "--impact", description = "Users / business impact")
    String impact;

    @Option(names = "--why", description = "Why the normal process cannot wait")
    String why;

    @Option(
            names = "--detected",
            paramLabel = "TIME",
            description = "When it was detected: now (default), '20 min ago', '2026-10-04 02:17' (UTC)")
    String detected;

    @Option(names = "--prod-down", paramLabel = "yes|no", description = "Is production down or severely degraded?")
    String prodDown;

    @Option(names = "--can-wait", paramLabel = "yes|no", description = "Can it wait 2-4 hours?")
    String canWait;

    @Option(
            names = "--idempotency-key",
            paramLabel = "KEY",
            description = "Run again with the same key and no second hotfix is made (safe retries in scripts)")
    String idempotencyKey;

    @Option(
            names = "--field",
            paramLabel = "NAME=VALUE",
            description = "A team field (HOTFIX_FIELDS), e.g. --field region=eu; repeatable")
    List<String> teamFields;

    @Option(names = "--json", description = "Print the whole record as JSON (its first field is the id)")
    boolean json;

    NewCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(HotfixService hotfixes, Config config) {
        Boolean down = AnswerParser.yesNo("--prod-down", prodDown);
        Boolean wait = AnswerParser.yesNo("--can-wait", canWait);
        if ((title == null || severity == null) && ctx.terminal().interactive()) {
            Prompter p = new Prompter(ctx.terminal());
            if (down == null) {
                down = p.yesNo("Is production down or severely degraded?");
            }
            if (down && wait == null) {
                wait = p.yesNo("Can it wait 2-4 hours?");
            }
            Triage.Outcome outcome = new Triage(down, wait).outcome();
            p.say("→ " + outcome.advice()
                    + (outcome == Triage.Outcome.HOTFIX
                            ? ""
                            : " (the record is kept and marked '" + outcome.json() + "')"));
            if (title == null) {
                title = p.ask("Title (brief description)", null);
            }
            while (severity == null) {
                String s = p.ask("Severity (critical/high/medium)", null);
                try {
                    severity = Severity.parse("severity", s).json();
                } catch (ValidationException e) {
                    p.say(e.errors().get(0).message());
                }
            }
            if (who == null) {
                who = p.ask("Who is making the change", config.actor());
            }
        }
        requireTitleAndSeverity();
        ObjectNode body = body(hotfixes, down, wait);
        Hotfix h = hotfixes.create(MergePatch.of(body), config.actor(), idempotencyKey);
        createdId = h.id().toString();
        PrintWriter out = out();
        if (json) {
            out.println(Json.pretty(HotfixJson.write(h))); // pure JSON for jq; its first field is the id
        } else {
            out.println(h.id());
            out.println("  " + HotfixText.clean(h.title()) + " (" + HotfixText.severityWord(h.severity()) + ", "
                    + h.status().json() + ")");
            out.println("  triage: " + HotfixText.triage(h.triage()));
        }
        return ExitCodes.OK;
    }

    private void requireTitleAndSeverity() {
        List<FieldError> missing = new ArrayList<>();
        if (title == null || title.isBlank()) {
            missing.add(new FieldError("--title", "is required"));
        }
        if (severity == null) {
            missing.add(new FieldError("--severity", "is required: one of " + Severity.choices()));
        }
        if (!missing.isEmpty()) {
            throw new ValidationException(missing);
        }
    }

    /** The new record as the API would take it: the options given, the triage answers, the team fields. */
    private ObjectNode body(HotfixService hotfixes, Boolean down, Boolean wait) {
        ObjectNode body = Json.object();
        body.put("title", title);
        body.put("severity", severity);
        putIfSet(body, "owner", who);
        putIfSet(body, "problem", problem);
        putIfSet(body, "impact", impact);
        putIfSet(body, "whyEmergency", why);
        if (detected != null) {
            body.put(
                    "detectedAt",
                    AnswerParser.when("--detected", detected, ctx.clock()).toString());
        }
        if (down != null || wait != null) {
            ObjectNode t = body.putObject("triage");
            if (down != null) {
                t.put("productionDown", down);
            }
            if (wait != null) {
                t.put("canWait", wait);
            }
        }
        if (teamFields != null && !teamFields.isEmpty()) {
            CustomFields team = hotfixes.customFields();
            for (String a : teamFields) {
                int eq = a.indexOf('=');
                if (eq <= 0) {
                    throw ValidationException.of("--field", "expected NAME=VALUE, e.g. region=eu; was '" + a + "'");
                }
                TeamFieldText.put(body, team, a.substring(0, eq).trim(), a.substring(eq + 1));
            }
        }
        return body;
    }

    private static void putIfSet(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    /** Asks on the terminal; an end of input is an answer of "nothing", never a hang. */
    record Prompter(Terminal t) {
        boolean yesNo(String question) {
            while (true) {
                String a = ask(question + " [y/n]", null);
                try {
                    return AnswerParser.yesNo("answer", a);
                } catch (ValidationException e) {
                    say("please answer y or n");
                }
            }
        }

        String ask(String question, String dflt) {
            t.err().print(question + (dflt == null ? "" : " [" + dflt + "]") + ": ");
            t.err().flush();
            String line;
            try {
                line = t.in().readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null) {
                throw ValidationException.of(question, "no answer (input ended)");
            }
            return line.isBlank() ? dflt : line.trim();
        }

        void say(String text) {
            t.err().println(text);
            t.err().flush();
        }
    }

    @Override
    String auditAction() {
        return "new";
    }

    @Override
    String auditSubject() {
        return createdId;
    }
}
