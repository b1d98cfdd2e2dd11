package dev.hotfixlog.security;

import java.util.ArrayList;
import java.util.List;

/**
 * A text masked one detector after another, each detector reading what the ones before it left. When tracked, it
 * also keeps which characters of the text it began as each mask covers: a secret found in a folded reading of a
 * text ({@link Folding}) is masked in the text as pasted, so what every detector found must be told in the
 * offsets of the text they began from, however many masks came before.
 */
final class Masking {
    static final String MASKED = "[REDACTED";

    private String text;
    private final List<SecretRedactor.Finding> findings = new ArrayList<>();
    /** Tracked only: for each character of {@link #text}, the first and the end of what it stands for. */
    private int[] starts;

    private int[] ends;
    /** Tracked only: what each mask covers of the first text, in the order masked; masks may cover masks. */
    private final List<Span> covered;

    Masking(String text, boolean tracked) {
        this.text = text;
        this.covered = tracked ? new ArrayList<>() : null;
        if (tracked) {
            starts = new int[text.length()];
            ends = new int[text.length()];
            for (int k = 0; k < text.length(); k++) {
                starts[k] = k;
                ends[k] = k + 1;
            }
        }
    }

    String text() {
        return text;
    }

    List<SecretRedactor.Finding> findings() {
        return findings;
    }

    /** Tracked only: the spans of the first text that the masks cover. */
    List<Span> covered() {
        return covered;
    }

    /** Masks {@code spans} of the current text: in order and apart, as every detector gives them. */
    void mask(List<Span> spans) {
        if (spans.isEmpty()) {
            return;
        }
        int length = text.length();
        for (Span span : spans) {
            length += MASKED.length() + span.kind().length() + 2 - (span.end() - span.start());
        }
        StringBuilder out = new StringBuilder(length);
        int[] newStarts = covered == null ? null : new int[length];
        int[] newEnds = covered == null ? null : new int[length];
        int last = 0;
        for (Span span : spans) {
            copy(last, span.start(), out, newStarts, newEnds);
            int maskFrom = out.length();
            out.append(MASKED).append(':').append(span.kind()).append(']');
            findings.add(new SecretRedactor.Finding(span.kind()));
            if (covered != null) {
                Span first = firstText(span);
                covered.add(first);
                for (int k = maskFrom; k < out.length(); k++) {
                    newStarts[k] = first.start();
                    newEnds[k] = first.end();
                }
            }
            last = span.end();
        }
        copy(last, text.length(), out, newStarts, newEnds);
        text = out.toString();
        starts = newStarts;
        ends = newEnds;
    }

    private void copy(int from, int to, StringBuilder out, int[] newStarts, int[] newEnds) {
        if (covered != null) {
            int at = out.length();
            System.arraycopy(starts, from, newStarts, at, to - from);
            System.arraycopy(ends, from, newEnds, at, to - from);
        }
        out.append(text, from, to);
    }

    /** What a span of the current text stands for in the first text: a mask it touches, wholly. */
    private Span firstText(Span span) {
        if (span.end() <= span.start()) {
            int at = span.start() < text.length()
                    ? starts[span.start()]
                    : span.start() == 0 ? 0 : ends[text.length() - 1];
            return new Span(at, at, span.kind());
        }
        return new Span(starts[span.start()], ends[span.end() - 1], span.kind());
    }
}
