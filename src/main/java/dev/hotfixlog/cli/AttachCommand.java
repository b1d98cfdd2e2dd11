package dev.hotfixlog.cli;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.attachment.Attachment;
import dev.hotfixlog.attachment.Owner;
import dev.hotfixlog.attachment.StoredFile;
import dev.hotfixlog.attachment.Upload;
import dev.hotfixlog.error.TooLargeException;
import dev.hotfixlog.hotfix.web.HotfixView;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hotfix attach HOTFIX-12 graph.png --note "5xx at 02:17"} (a lesson too: {@code LESSON-3}; {@code -}
 * reads standard input, so {@code kubectl logs … | hotfix attach 12 - --name pod.log} works), {@code hotfix
 * attachments ID} and {@code hotfix attachment get|delete}.
 */
final class AttachCommand {
    private AttachCommand() {}

    @Command(
            name = "attach",
            description = {
                "Attach evidence to a hotfix or lesson: screenshots, logs, PDFs.",
                "attach HOTFIX-12 graph.png --note \"5xx at 02:17\"; attach 12 - --name pod.log < pod.log"
            })
    static final class Attach extends AppCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "HOTFIX-12, 12 or LESSON-3")
        String id;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Files; - reads standard input")
        List<String> files;

        @Option(names = "--note", description = "What it shows, e.g. \"5xx at 02:17\"")
        String note;

        @Option(names = "--name", description = "The name of what standard input holds (default: stdin.log)")
        String name;

        Attach(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            Owner owner = Owner.parse(id);
            PrintWriter out = out();
            for (String file : files) {
                byte[] bytes = read(file, config.attachMaxFile());
                String label = file.equals("-")
                        ? (name != null ? name : "stdin.log")
                        : Path.of(file).getFileName().toString();
                Attachment a = app.attachments().add(owner, new Upload(label, note, bytes), config.actor());
                out.println(a.id()); // each file's id first, alone on its line, so scripts can read it
                out.println(
                        "  attached " + a.fileName() + " (" + a.type().json() + ", " + a.sizeText() + ") to " + owner);
            }
            return ExitCodes.OK;
        }

        @Override
        String auditAction() {
            return "attach";
        }

        @Override
        String auditSubject() {
            return id;
        }

        /** At most the limit and one byte more is read: a huge file is refused without filling memory. */
        private static byte[] read(String file, long max) {
            try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                if (bytes.length > max) {
                    throw new TooLargeException("file: " + file + " is larger than " + max + " bytes, the largest "
                            + "attachment (HOTFIX_ATTACH_MAX_FILE)");
                }
                return bytes;
            } catch (IOException e) {
                throw FileErrors.reading("file", file, e);
            }
        }
    }

    @Command(name = "attachments", description = "The evidence on a hotfix or lesson, oldest first.")
    static final class Listing extends AppCommand {
        @Parameters(paramLabel = "ID", description = "HOTFIX-12, 12 or LESSON-3")
        String id;

        @Option(names = "--deleted", description = "Deleted ones too (who deleted them and why)")
        boolean deleted;

        Listing(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            List<Attachment> list = app.attachments().list(Owner.parse(id), deleted);
            PrintWriter out = out();
            if (list.isEmpty()) {
                out.println("no attachments on " + Owner.parse(id));
            }
            for (Attachment a : list) {
                out.println(String.format(
                        "%5d  %-6s  %8s  %s  %s  %s%s",
                        a.id(),
                        a.type().json(),
                        a.sizeText(),
                        HotfixView.time(a.addedAt()),
                        a.addedBy(),
                        a.fileName(),
                        a.deleted()
                                ? "  (deleted by " + a.deletedBy() + ": " + a.deleteReason() + ")"
                                : a.note() != null ? "  — " + a.note() : ""));
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "attachment",
            description = "One attachment: get its bytes, or delete it.",
            subcommands = {Get.class, Delete.class})
    static final class One implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "get", description = "Writes an attachment's bytes to a file (- for standard output).")
    static final class Get extends AppCommand {
        @Parameters(paramLabel = "AID", description = "The attachment's number")
        long id;

        @Option(
                names = {"-o", "--out"},
                required = true,
                paramLabel = "FILE",
                description = "Where to write it")
        String outFile;

        Get(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            StoredFile f = app.attachments().content(id);
            try {
                if (outFile.equals("-")) {
                    System.out.write(f.bytes());
                    System.out.flush();
                } else {
                    Files.write(Path.of(outFile), f.bytes());
                    out().println("wrote " + f.bytes().length + " bytes of "
                            + f.attachment().fileName() + " to " + outFile);
                }
            } catch (IOException e) {
                throw FileErrors.writing("--out", outFile, e);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", description = "Deletes an attachment, with why; what it was stays listed.")
    static final class Delete extends AppCommand {
        @Parameters(paramLabel = "AID", description = "The attachment's number")
        long id;

        @Option(names = "--reason", required = true, description = "Why (pasted by mistake, personal data, …)")
        String reason;

        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(App app, Config config) {
            Attachment a = app.attachments().delete(id, reason, config.actor());
            out().println("deleted " + a.id() + " " + a.fileName() + " from " + a.owner());
            return ExitCodes.OK;
        }

        @Override
        String auditAction() {
            return "attachment delete";
        }

        @Override
        String auditSubject() {
            return String.valueOf(id);
        }
    }
}
