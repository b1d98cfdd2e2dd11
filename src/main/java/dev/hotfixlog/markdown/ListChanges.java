package dev.hotfixlog.markdown;

import java.util.List;

/**
 * What an import did to one of the page-level lists (warning signs, emergency types), each item by its name, so a
 * report never says only a count while the stored list changed under it.
 *
 * @param added     on the page and not stored before
 * @param updated   on the page and stored with other words (the page's words are kept)
 * @param unchanged on the page as stored
 * @param kept      stored and not on the page: kept, since a page that leaves an item out does not say to drop it
 * @param removed   stored, not on the page, and dropped: only when the page is a {@code full} export, the whole log
 * @param total     how many the log holds after the import
 */
public record ListChanges(
        List<String> added,
        List<String> updated,
        List<String> unchanged,
        List<String> kept,
        List<String> removed,
        int total) {
    public static final ListChanges NONE = new ListChanges(List.of(), List.of(), List.of(), List.of(), List.of(), 0);

    public ListChanges {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        kept = List.copyOf(kept);
        removed = List.copyOf(removed);
    }

    /** One line for people: "added a, b; updated c; kept d (not on the page)", or "none on the page" and the total. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        part(s, "added", added, "");
        part(s, "updated", updated, "");
        part(s, "unchanged", unchanged, "");
        part(s, "kept", kept, " (not on the page)");
        part(s, "removed", removed, " (not on the full page)");
        return (s.isEmpty() ? "none on the page" : s.toString()) + "; " + total + " in the log";
    }

    private static void part(StringBuilder s, String what, List<String> names, String why) {
        if (names.isEmpty()) {
            return;
        }
        if (!s.isEmpty()) {
            s.append("; ");
        }
        s.append(what).append(' ').append(String.join(", ", names)).append(why);
    }
}
