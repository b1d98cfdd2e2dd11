package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.search.SearchHit;
import dev.hotfixlog.search.SearchJson;
import dev.hotfixlog.search.SearchQuery;
import dev.hotfixlog.text.Spaces;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "search",
        description = "Full-text search across hotfixes and lessons, best first; matches in " + "[brackets].")
final class SearchCommand extends AppCommand {
    @Parameters(paramLabel = "WORDS", arity = "1..*", description = "all must match (deploy finds deployed)")
    List<String> words;

    @Option(names = "--kind", description = "hotfix or lesson")
    String kind;

    @Option(names = "--severity", description = "critical, high or medium (hotfixes only)")
    String severity;

    @Option(names = "--category", description = "one emergency type / failure mode")
    String category;

    @Option(
            names = "--from",
            description = "detected (or written) at or after: '2 days ago', '2026-10-04 02:17'" + " (UTC) or ISO-8601")
    String from;

    @Option(names = "--to", description = "detected (or written) before; the same forms")
    String to;

    @Option(names = "--limit", defaultValue = "20")
    int limit;

    @Option(names = "--json", description = "JSON like GET /api/v1/search")
    boolean json;

    SearchCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(App app, Config config) {
        List<SearchHit> hits = app.search()
                .search(new SearchQuery(
                        String.join(" ", words),
                        kind,
                        severity == null ? null : Severity.parse("severity", severity),
                        category,
                        from == null ? null : AnswerParser.when("--from", from, ctx.clock()),
                        to == null ? null : AnswerParser.when("--to", to, ctx.clock()),
                        limit));
        print(out(), hits, json, "no match");
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, List<SearchHit> hits, boolean json, String none) {
        if (json) {
            out.println(Json.pretty(SearchJson.write(hits)));
            return;
        }
        if (hits.isEmpty()) {
            out.println(none);
            return;
        }
        for (SearchHit h : hits) {
            out.println(h.id() + "  " + SearchJson.plainTitle(h));
            if (h.snippet() != null && !h.snippet().isBlank()) {
                out.println("    " + Spaces.collapse(h.snippetText()));
            }
            if (h.rule() != null) {
                out.println("    rule: " + Spaces.collapse(h.rule()));
            }
        }
    }

    @Command(
            name = "similar",
            description = "The earlier hotfixes and the lessons most like a hotfix, or like a "
                    + "description not declared yet (--text), with their operating rules.")
    static final class Similar extends AppCommand {
        @Parameters(paramLabel = "ID", arity = "0..1")
        String id;

        @Option(
                names = "--text",
                description = "what is happening, before declaring it: \"checkout 502 after " + "cert rotation\"")
        String text;

        @Option(names = "--limit", defaultValue = "3")
        int limit;

        @Option(names = "--json", description = "JSON like GET /api/v1/hotfixes/{id}/similar")
        boolean json;

        Similar(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            if ((id == null) == (text == null)) {
                throw ValidationException.of("ID", "give a hotfix id or --text, one of the two");
            }
            if (text != null) {
                print(out(), app.search().similarTo(text, limit), json, "nothing similar");
            } else {
                print(
                        out(),
                        app.search().similar(HotfixId.parse(id), limit),
                        json,
                        "nothing similar before " + HotfixId.parse(id));
            }
            return ExitCodes.OK;
        }
    }
}
