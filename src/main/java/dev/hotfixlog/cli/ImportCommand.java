package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.markdown.EvidenceFolder;
import dev.hotfixlog.markdown.ImportReport;
import dev.hotfixlog.markdown.LogPage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        description = "Read a Markdown hotfix log (the template's format) into the log: " + "all of it or nothing.")
final class ImportCommand extends AppCommand {
    private static final int LISTED = 20;

    @Parameters(paramLabel = "FILE", description = "the Markdown file; - for standard input")
    String file;

    @Option(names = "--dry-run", description = "show what would be created, updated and skipped; change nothing")
    boolean dryRun;

    @Option(
            names = "--renumber",
            description = "an entry whose id is taken here by another incident gets a new id "
                    + "(the old one kept as a note); without it such an entry stops the import")
    boolean renumber;

    private LogPage page;

    ImportCommand(CliContext ctx) {
        super(ctx);
    }

    /**
     * A dry run changes nothing, on disk either: when the SQLite log does not exist yet, the page is tried
     * against an empty log in memory instead of creating the data folder and an empty database.
     */
    @Override
    Config logFor(Config config) {
        Path file = config.sqliteFile();
        if (dryRun && !config.isRemote() && file != null && !Files.exists(file)) {
            return config.withDbUrl("jdbc:sqlite:file:hotfix-dry-run?mode=memory&cache=shared");
        }
        return config;
    }

    /** Reads the file (a bad one fails before the log opens) and, on a local log, its page while the log opens. */
    @Override
    void beforeOpen(Config config) {
        // A full export's evidence is read from beside the page (an import through a server takes the text only).
        page = file.equals("-")
                ? LogPage.of(read())
                : LogPage.of(read(), EvidenceFolder.beside(Path.of(file), config.attachMaxFile()));
        if (!config.isRemote()) {
            page.readAhead();
        }
    }

    @Override
    int run(App app, Config config) {
        PrintWriter err = ctx.terminal().err();
        IntConsumer progress = ctx.terminal().interactive()
                ? n -> {
                    err.print("\rread " + n + " entries");
                    err.flush();
                }
                : n -> {};
        ImportReport r = app.markdown().importLog(page, dryRun, renumber, config.actor(), progress);
        if (ctx.terminal().interactive()) {
            err.println();
        }
        PrintWriter out = out();
        out.println((dryRun ? "would create " : "created ") + list(r.created()));
        out.println((dryRun ? "would update " : "updated ") + list(r.updated()));
        out.println("unchanged " + list(r.unchanged()));
        out.println("emergency types: " + r.emergencyTypes().describe());
        out.println("warning signs: " + r.warningSigns().describe());
        r.skipped().forEach(s -> out.println("note: " + s));
        r.conflicts().forEach(c -> out.println("conflict: " + c));
        if (!r.conflicts().isEmpty() && !renumber) {
            out.println("nothing would be imported as it stands: run again with --renumber to give those entries new"
                    + " ids");
        }
        if (dryRun) {
            out.println("dry run: nothing was changed");
        }
        return ExitCodes.OK;
    }

    private String read() {
        try {
            byte[] bytes = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
            // The JDK's own decoding is several times faster than a decoder's. It replaces broken UTF-8 with
            // U+FFFD, so only text holding one is decoded again, strictly, to tell broken bytes from a real U+FFFD.
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) {
                return text;
            }
            // Refuse broken UTF-8 instead of importing replacement characters into the record.
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ValidationException.of("FILE", file + " is not UTF-8 text");
        } catch (IOException e) {
            throw FileErrors.reading("FILE", file, e);
        }
    }

    private static String list(List<String> ids) {
        if (ids.isEmpty()) {
            return "0";
        }
        String shown = String.join(", ", ids.subList(0, Math.min(LISTED, ids.size())));
        return ids.size() + ": " + shown + (ids.size() > LISTED ? ", … and " + (ids.size() - LISTED) + " more" : "");
    }

    @Override
    String auditAction() {
        return dryRun ? null : "import";
    }
}
