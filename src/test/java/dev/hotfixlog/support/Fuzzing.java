package dev.hotfixlog.support;

import dev.hotfixlog.error.HotfixLogException;
import java.nio.charset.StandardCharsets;

/**
 * What the Jazzer targets (the {@code *Fuzzer} classes) share. A reader may refuse an input only with the project's
 * own errors (the one error table, {@code error.ErrorKind}); any other exception escapes to Jazzer as a crash.
 */
public final class Fuzzing {
    /** Jazzer's limit on one input; longer ones are trimmed by the fuzzer, kept seeds are shorter. */
    public static final int MAX_INPUT = 200_000;

    private Fuzzing() {}

    /** Code that reads an input and may throw anything. */
    @FunctionalInterface
    public interface Reading {
        void read() throws Exception;
    }

    /** Runs {@code reading}; a refusal through the error table is an answer, anything else propagates. */
    public static void refusesOnlyWithOwnErrors(Reading reading) throws Exception {
        try {
            reading.read();
        } catch (HotfixLogException refused) {
            // the answer a caller gets: a 4xx naming the field, an exit code
        }
    }

    /** The bytes as text the way a server decodes a UTF-8 body: malformed sequences replaced. */
    public static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }
}
