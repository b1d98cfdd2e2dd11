package dev.hotfixlog.notify;

import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The four templates in use: the built-in ones (the seed's words, in {@code /notify/*.txt}), each replaced by a
 * file of the same name in the team's folder when there is one. Read and checked once, at start-up.
 */
public final class Templates {
    private final Map<MessageKind, Template> byKind;

    private Templates(Map<MessageKind, Template> byKind) {
        this.byKind = byKind;
    }

    public static Templates builtIn() {
        return load("");
    }

    /** {@code dir} empty means the built-in templates only; {@code setting} names the key in errors. */
    public static Templates load(String dir) {
        Map<MessageKind, Template> m = new EnumMap<>(MessageKind.class);
        for (MessageKind k : MessageKind.values()) {
            Path own = dir.isBlank() ? null : Path.of(dir).resolve(k.fileName());
            if (own != null && Files.isRegularFile(own)) {
                String text;
                try {
                    text = Files.readString(own, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw ValidationException.of("HOTFIX_TEMPLATES_DIR", "cannot read " + own + ": " + e.getMessage());
                }
                m.put(k, Template.parse(own.toString(), text, MessageValues.NAMES));
            } else {
                m.put(k, Template.parse("built-in " + k.fileName(), resource(k), MessageValues.NAMES));
            }
        }
        if (!dir.isBlank() && !Files.isDirectory(Path.of(dir))) {
            throw ValidationException.of("HOTFIX_TEMPLATES_DIR", "'" + dir + "' is not a folder");
        }
        return new Templates(m);
    }

    /** True when the message of this kind says the ETA (so the pages ask for one). */
    public boolean usesEta(MessageKind kind) {
        return byKind.get(kind).uses("eta");
    }

    public Message render(MessageKind kind, Map<String, String> values) {
        return byKind.get(kind).render(kind, values);
    }

    /**
     * The message of {@code kind} about one hotfix, with the values the notices give it (no ETA): what a chat
     * thread is told. {@code publicUrl} may be null or empty (then the log is the id).
     */
    public Message render(MessageKind kind, Hotfix h, String publicUrl) {
        return render(kind, MessageValues.of(h, null, publicUrl == null ? "" : publicUrl));
    }

    private static String resource(MessageKind k) {
        try (InputStream in = Templates.class.getResourceAsStream("/notify/" + k.fileName())) {
            if (in == null) {
                throw new IllegalStateException("built-in template " + k.fileName() + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
