package dev.hotfixlog.markdown;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A full export's evidence folder on disk, beside its page: written after the page (each file named by its
 * SHA-256, fetched by that hash), and read for an import, only ever by the names the folder's own pattern allows
 * (no other path, no {@code ..}), at most a file's limit and one byte more each.
 */
public final class EvidenceFolder {
    /** A link to an evidence file, as the full page writes it: {@code (attachments/<sha256>.<ext>)}. */
    private static final Pattern LINK =
            Pattern.compile("\\]\\((" + LogEvidence.FOLDER + "/([0-9a-f]{64})\\.([a-z]{2,4}))\\)");

    private static final Pattern NAME = Pattern.compile(LogEvidence.FOLDER + "/[0-9a-f]{64}\\.[a-z]{2,4}");

    private EvidenceFolder() {}

    /** Writes every file the page links to beside it; returns how many it wrote. */
    public static int write(Path page, String text, Function<String, byte[]> bySha256) {
        Set<String> files = new LinkedHashSet<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            files.add(m.group(1));
        }
        Path dir = page.toAbsolutePath().getParent();
        try {
            for (String file : files) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                String sha = file.substring(LogEvidence.FOLDER.length() + 1, file.lastIndexOf('.'));
                Path tmp = Files.createTempFile(target.getParent(), ".hotfix-", ".part");
                Files.write(tmp, bySha256.apply(sha));
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evidence beside " + page + ": " + e.getMessage(), e);
        }
        return files.size();
    }

    /** The files beside a page, for its import. */
    public static LogEvidence.Files beside(Path page, long maxFile) {
        Path dir = page.toAbsolutePath().getParent();
        return relative -> {
            if (!NAME.matcher(relative).matches()) {
                return null;
            }
            try (InputStream in = Files.newInputStream(dir.resolve(relative))) {
                return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFile + 1));
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read " + relative + " beside " + page + ": " + e.getMessage(), e);
            }
        };
    }
}
