package dev.hotfixlog.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Where the CLI reads and writes, and whether a person is there to answer questions. Tests hand in strings;
 * {@link #system()} is the real console.
 */
public record Terminal(BufferedReader in, PrintWriter out, PrintWriter err, boolean interactive) {
    public static Terminal system() {
        return new Terminal(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                System.console() != null);
    }

    public static Terminal of(Reader in, Writer out, Writer err, boolean interactive) {
        return new Terminal(
                new BufferedReader(in), new PrintWriter(out, true), new PrintWriter(err, true), interactive);
    }
}
