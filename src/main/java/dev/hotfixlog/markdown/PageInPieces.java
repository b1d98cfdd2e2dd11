package dev.hotfixlog.markdown;

import com.google.re2j.Matcher;
import dev.hotfixlog.markdown.LogReader.Landing;
import dev.hotfixlog.markdown.LogReader.Part;
import dev.hotfixlog.work.ImportWorkers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * A long page read in pieces, the later ones on other cores, each from an entry heading in the part named by the
 * last "## " heading above it. That is a guess (the heading could sit in a code block): a piece is kept only if
 * reading the page up to it stopped exactly at its heading, in that part. Else that piece is read again from
 * where the reading stands. Either way the result is a plain reading's ({@code LongPageReadingProperties}).
 */
final class PageInPieces {
    /** A page is read in as many pieces as it has this many lines, up to one per core. */
    private static final int LINES_PER_PIECE = 20_000;

    private PageInPieces() {}

    /** A piece's reading and where it stopped. */
    private record Piece(LogReader reader, Landing end) {}

    /** {@code pieces}: how many pieces to read the page in, at most; 0 for one per core on a long page. */
    static ParsedLog read(String[] lines, int pieces) {
        List<Landing> starts = pieceStarts(
                lines,
                pieces > 0
                        ? pieces
                        : Math.min(Runtime.getRuntime().availableProcessors(), lines.length / LINES_PER_PIECE));
        LogReader whole = new LogReader(lines);
        if (starts.size() == 1) {
            whole.readPage(starts.get(0), lines.length);
            return whole.parsed();
        }
        try (ImportWorkers workers = new ImportWorkers(starts.size() - 1)) {
            List<Future<Piece>> later = new ArrayList<>();
            for (int k = 1; k < starts.size(); k++) {
                Landing from = starts.get(k);
                int to = end(starts, k, lines);
                later.add(workers.submit(() -> {
                    LogReader piece = new LogReader(lines);
                    return new Piece(piece, piece.readPage(from, to));
                }));
            }
            Landing at = whole.readPage(starts.get(0), starts.get(1).index());
            for (int k = 1; k < starts.size(); k++) {
                if (at.equals(starts.get(k))) {
                    // Waited for only when kept: a piece that started at a wrong guess may have failed on it.
                    Piece piece = ImportWorkers.await(later.get(k - 1));
                    whole.append(piece.reader());
                    at = piece.end();
                } else {
                    LogReader again = new LogReader(lines);
                    at = again.readPage(at, end(starts, k, lines));
                    whole.append(again);
                }
            }
        }
        return whole.parsed();
    }

    private static int end(List<Landing> starts, int k, String[] lines) {
        return k + 1 < starts.size() ? starts.get(k + 1).index() : lines.length;
    }

    /**
     * Where pieces start: the first line, then an entry heading near each further piece's share, with the part
     * the nearest "## " heading above it names. One pass over the page, however many headings it has.
     */
    private static List<Landing> pieceStarts(String[] lines, int pieces) {
        List<Landing> starts = new ArrayList<>(List.of(new Landing(0, Part.PREAMBLE, "")));
        Part part = Part.PREAMBLE;
        int k = 1;
        for (int i = 0; i < lines.length && k < pieces; i++) {
            String line = lines[i];
            Matcher m;
            if (line.startsWith("##") && !line.startsWith("###") && (m = LogReader.H2.matcher(line)).matches()) {
                part = LogReader.classify(m.group(1));
            } else if (i >= (long) lines.length * k / pieces
                    && (part == Part.ACTIVE || part == Part.COMPLETED)
                    && isEntryHeading(line)) {
                starts.add(new Landing(i, part, ""));
                k++;
            }
        }
        return starts;
    }

    private static boolean isEntryHeading(String line) {
        return line.startsWith("###")
                && !line.startsWith("####")
                && EntryReader.ENTRY.matcher(line).matches();
    }
}
