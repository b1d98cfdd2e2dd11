package dev.hotfixlog.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.lesson.Bucket;
import dev.hotfixlog.lesson.Legibility;
import dev.hotfixlog.lesson.Lesson;
import dev.hotfixlog.lesson.LessonId;
import dev.hotfixlog.lesson.LessonJson;
import dev.hotfixlog.lesson.LessonQuery;
import dev.hotfixlog.text.Spaces;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hotfix lesson new|list|show|set}: lessons from production, as on the API and the pages. */
@Command(
        name = "lesson",
        description = "Lessons from production: write, list, show and change them.",
        subcommands = {
            LessonCommand.New.class,
            LessonCommand.ListLessons.class,
            LessonCommand.Show.class,
            LessonCommand.Set.class
        })
final class LessonCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** FIELD=VALUE pairs as a merge patch; an empty value clears; tags and cases take commas. */
    static ObjectNode fields(List<String> assignments) {
        ObjectNode n = Json.object();
        for (String a : assignments == null ? List.<String>of() : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw ValidationException.of(a, "expected FIELD=VALUE, e.g. operatingRule=\"Commit before async I/O\"");
            }
            String field = a.substring(0, eq).strip();
            String value = a.substring(eq + 1);
            if (value.isEmpty()) {
                n.putNull(field);
            } else if (field.equals("published")) {
                n.put(field, AnswerParser.yesNo(field, value));
            } else {
                n.put(field, value);
            }
        }
        return n;
    }

    static void printChecklist(PrintWriter out, Legibility g) {
        out.println(
                g.legible()
                        ? "Legible: every checklist item is answered."
                        : g.missing().size() + " of " + g.checks().size()
                                + " checklist items open (advice, never a block):");
        for (Legibility.Check c : g.checks()) {
            if (!c.passed()) {
                out.println("  [ ] " + c.question());
                out.println("      " + c.advice());
            }
        }
    }

    @Command(
            name = "new",
            description = {
                "Write a lesson: lesson new --from HOTFIX-042 (prefilled from the completed "
                        + "hotfix) and/or FIELD=VALUE pairs.",
                "Fields: " + "title, summary, constraint, signal, boundary, "
                        + "operatingRule, category, bucket, tags, cases, published."
            })
    static final class New extends AppCommand {
        @Option(names = "--from", paramLabel = "HOTFIX", description = "a completed hotfix to prefill from")
        String from;

        @Parameters(paramLabel = "FIELD=VALUE", arity = "0..*")
        List<String> assignments;

        New(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            MergePatch patch = MergePatch.of(fields(assignments));
            Lesson l = from == null
                    ? app.lessons().create(patch, config.actor())
                    : app.lessons().createFrom(HotfixId.parse(from), patch, config.actor());
            out().println(l.id()); // the id comes first, alone on its line, so scripts can read it
            out().println("  created: " + l.title());
            printChecklist(out(), l.legibility());
            subject = l.id().toString();
            return ExitCodes.OK;
        }

        private String subject;

        @Override
        String auditAction() {
            return "lesson new";
        }

        @Override
        String auditSubject() {
            return subject;
        }
    }

    @Command(name = "list", description = "Lessons, newest first.")
    static final class ListLessons extends AppCommand {
        @Option(names = "--published", description = "Only published ones")
        boolean published;

        @Option(names = "--category", description = "One failure-mode category")
        String category;

        @Option(names = "--bucket", description = "state-model, release-validation-loop or ownership-boundaries")
        String bucket;

        @Option(names = "--tag", description = "One tag")
        String tag;

        @Option(names = "--hotfix", description = "Those learned from this hotfix")
        String hotfix;

        @Option(names = "--json", description = "JSON like GET /api/v1/lessons")
        boolean json;

        ListLessons(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            List<Lesson> lessons = app.lessons()
                    .list(new LessonQuery(
                            published,
                            category,
                            Bucket.parse(bucket),
                            tag,
                            hotfix == null ? null : HotfixId.parse(hotfix).toString(),
                            LessonQuery.MAX_LIMIT));
            if (json) {
                ObjectNode n = Json.object();
                n.set("items", LessonJson.writeAll(lessons));
                out().println(Json.pretty(n));
                return ExitCodes.OK;
            }
            if (lessons.isEmpty()) {
                out().println("no lessons");
                return ExitCodes.OK;
            }
            for (Lesson l : lessons) {
                out().println(String.format(
                        "%-11s  %-9s  %-24s  %s",
                        l.id(),
                        l.published() ? "published" : "draft",
                        l.category() == null ? "-" : Spaces.cut(l.category(), 24),
                        Spaces.cut(l.title(), 70)));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "One lesson with its checklist.")
    static final class Show extends AppCommand {
        @Parameters(paramLabel = "ID", description = "e.g. LESSON-001 or 1")
        String id;

        @Option(names = "--json", description = "JSON like GET /api/v1/lessons/{id}")
        boolean json;

        Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            Lesson l = app.lessons().get(LessonId.parse(id));
            if (json) {
                out().println(Json.pretty(LessonJson.write(l)));
                return ExitCodes.OK;
            }
            PrintWriter o = out();
            o.println(l.id() + "  " + l.title() + (l.published() ? "" : "  (draft)"));
            line(o, "Summary", l.summary());
            line(o, "Constraint", l.constraint());
            line(o, "Signal", l.signal());
            line(o, "Boundary", l.boundary());
            line(o, "Operating rule", l.operatingRule());
            line(o, "Failure mode", l.category());
            line(o, "Bucket", l.bucket() == null ? null : l.bucket().label());
            line(o, "Tags", l.tags().isEmpty() ? null : String.join(", ", l.tags()));
            line(
                    o,
                    "Cases",
                    l.cases().isEmpty()
                            ? null
                            : String.join(
                                    ", ",
                                    l.cases().stream().map(HotfixId::toString).toList()));
            printChecklist(o, l.legibility());
            return ExitCodes.OK;
        }

        private static void line(PrintWriter o, String label, String value) {
            o.println(String.format("%-15s %s", label + ":", value == null ? "-" : value));
        }
    }

    @Command(
            name = "set",
            description = "Change fields: lesson set LESSON-001 bucket=state-model tags=db,pool "
                    + "summary=   (empty clears).")
    static final class Set extends AppCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1..*", paramLabel = "FIELD=VALUE", arity = "1..*")
        List<String> assignments;

        @Option(
                names = "--if-version",
                paramLabel = "N",
                description = "Refuse (exit 3) unless the lesson is still at version N")
        Integer ifVersion;

        Set(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            LessonId lid = LessonId.parse(id);
            int version = ifVersion != null ? ifVersion : app.lessons().get(lid).version();
            Lesson l = app.lessons().edit(lid, version, MergePatch.of(fields(assignments)), config.actor());
            out().println(l.id() + " updated (version " + l.version() + ")");
            printChecklist(out(), l.legibility());
            return ExitCodes.OK;
        }

        @Override
        String auditAction() {
            return "lesson set";
        }

        @Override
        String auditSubject() {
            return LessonId.parse(id).toString();
        }
    }
}
