package dev.hotfixlog.markdown;

import dev.hotfixlog.text.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The page's own text outside the entries (its title, the lines above the log, sections the log does not read),
 * gathered into {@link PageBlock}s by where each stood, so the writer can put every block back in its place.
 */
final class PageBlockCollector {
    private final List<PageBlock> blocks = new ArrayList<>();
    private String keptPlace;
    private StringBuilder kept;

    /** Adds a line to the block being kept at {@code place}; {@code null} ends the block. */
    void keep(String place, String line) {
        if (kept != null && (place == null || !place.equals(keptPlace) || PageBlock.TITLE.equals(keptPlace))) {
            String text = trimBlankLines(kept.toString());
            if (!text.isBlank()) {
                blocks.add(new PageBlock(keptPlace, text));
            }
            kept = null;
        }
        if (place == null) {
            return;
        }
        if (kept == null) {
            kept = new StringBuilder();
            keptPlace = place;
        } else {
            kept.append('\n');
        }
        kept.append(line);
    }

    /** Takes the blocks a later piece of the page kept, after this one's. */
    void append(PageBlockCollector next) {
        blocks.addAll(next.blocks);
    }

    /** Without the blank lines before the first line and after the last; every other line as it was. */
    private static String trimBlankLines(String text) {
        String[] ls = Split.on(text, "\n", -1);
        int a = 0;
        int b = ls.length;
        while (a < b && ls[a].isBlank()) {
            a++;
        }
        while (b > a && ls[b - 1].isBlank()) {
            b--;
        }
        return String.join("\n", Arrays.asList(ls).subList(a, b));
    }

    /** The kept blocks, with neighbours at the same place joined, as the writer puts them back. */
    List<PageBlock> merged() {
        List<PageBlock> out = new ArrayList<>();
        for (PageBlock b : blocks) {
            PageBlock last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.place().equals(b.place()) && !b.place().equals(PageBlock.TITLE)) {
                out.set(out.size() - 1, new PageBlock(b.place(), last.text() + "\n\n" + b.text()));
            } else {
                out.add(b);
            }
        }
        return out;
    }
}
