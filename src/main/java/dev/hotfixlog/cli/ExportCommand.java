package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.markdown.EvidenceFolder;
import dev.hotfixlog.markdown.LogEvidence;
import dev.hotfixlog.markdown.LogFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", description = "Write the log as Markdown in the template's format.")
final class ExportCommand extends AppCommand {
    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path out;

    @Option(
            names = "--format",
            paramLabel = "log|full",
            description = "log: the seed page (default); full: " + "every record with every field, nothing lost")
    String format;

    ExportCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(App app, Config config) {
        LogFormat f = LogFormat.parse("--format", format);
        String text = app.markdown().export(f);
        if (out == null) {
            out().print(text);
            if (f == LogFormat.FULL && text.contains("](" + LogEvidence.FOLDER + "/")) {
                ctx.terminal()
                        .err()
                        .println("note: the log has attachments; write with --out FILE to put them in "
                                + LogEvidence.FOLDER + "/ beside it");
            }
            return ExitCodes.OK;
        }
        try {
            // Written beside the target and moved over it: a reader never sees half a log.
            Path abs = out.toAbsolutePath();
            if (!Files.isDirectory(abs.getParent())) {
                throw ValidationException.of("--out", "the folder " + abs.getParent() + " does not exist");
            }
            Path tmp = Files.createTempFile(abs.getParent(), ".hotfix-export-", ".md");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw FileErrors.writing("--out", out, e);
        }
        int files = f == LogFormat.FULL
                ? EvidenceFolder.write(
                        out, text, sha -> app.attachments().contentOf(sha).bytes())
                : 0;
        ctx.terminal()
                .err()
                .println("wrote " + out
                        + (files == 0
                                ? ""
                                : " and " + files + " attachments in "
                                        + out.toAbsolutePath().getParent().resolve(LogEvidence.FOLDER)));
        return ExitCodes.OK;
    }
}
