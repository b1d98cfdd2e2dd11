package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.lesson.FieldNotes;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "site",
        description = {
            "Write the field-notes site of published lessons: static HTML, no JavaScript, "
                    + "an Atom feed and a sitemap. Names no person.",
            "Runs where the database is (not with --server)."
        })
final class SiteCommand extends AppCommand {
    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "an empty or new directory, or one an earlier `site` wrote")
    Path out;

    static final String DEFAULT_BASE_URL = "http://localhost/";

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "where the site will be served, for the feed and sitemap (default: " + DEFAULT_BASE_URL + ")")
    String baseUrl;

    SiteCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(App app, Config config) {
        if (config.isRemote()) {
            throw ValidationException.of(
                    "server",
                    "the site is built from the database, people list included "
                            + "(to keep them out); run `hotfix site` where the database is, without --server");
        }
        if (baseUrl == null) {
            // The feed and sitemap need absolute links: say which were written, so a site published as is
            // does not quietly point its readers at localhost.
            baseUrl = DEFAULT_BASE_URL;
            ctx.terminal()
                    .err()
                    .println("note: no --base-url given: the feed and sitemap link to " + baseUrl
                            + "; pass --base-url with the address the site will be served from");
        }
        FieldNotes.Report r = app.fieldNotes().build(out, baseUrl);
        out().println(r.out() + ": " + r.lessons() + " lesson" + (r.lessons() == 1 ? "" : "s") + ", " + r.categories()
                + " categor" + (r.categories() == 1 ? "y" : "ies") + ", " + r.files() + " files");
        return ExitCodes.OK;
    }
}
