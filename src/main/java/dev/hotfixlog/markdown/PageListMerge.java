package dev.hotfixlog.markdown;

import dev.hotfixlog.text.Split;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The one rule by which an import brings a page-level list (warning signs, emergency types) into the stored one.
 * The page is the truth for the items it names (by name, ignoring case and spacing): new ones are added at the
 * end, changed ones are updated in place. An item the page does not name is kept, because leaving a row out of a
 * hand-kept page is not saying to delete it; only a {@code full} export, which is the whole log, removes what it
 * does not name, and then its order is the log's order.
 */
final class PageListMerge {
    private PageListMerge() {}

    /** The list to store and what changed in it. */
    record Result<T>(List<T> merged, ListChanges changes) {}

    /**
     * @param stored the stored list, in its order
     * @param page   the page's list, or null when the page has no such section (then nothing changes)
     * @param name   the item's name, as the report shows it and the merge matches it
     * @param whole  true when the page is the whole log (a {@code full} export)
     */
    static <T> Result<T> merge(List<T> stored, List<T> page, Function<T, String> name, boolean whole) {
        if (page == null) {
            return new Result<>(
                    stored, new ListChanges(List.of(), List.of(), List.of(), List.of(), List.of(), stored.size()));
        }
        Map<String, T> onPage = new LinkedHashMap<>();
        for (T item : page) {
            onPage.put(key(name.apply(item)), item); // a name written twice: the later row wins
        }
        Map<String, T> before = new LinkedHashMap<>();
        stored.forEach(item -> before.putIfAbsent(key(name.apply(item)), item));
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        onPage.forEach((k, item) -> {
            T was = before.get(k);
            (was == null ? added : was.equals(item) ? unchanged : updated).add(name.apply(item));
        });
        List<T> merged = new ArrayList<>();
        if (whole) {
            merged.addAll(onPage.values());
            before.forEach((k, item) -> {
                if (!onPage.containsKey(k)) {
                    removed.add(name.apply(item));
                }
            });
        } else {
            before.forEach((k, item) -> {
                merged.add(onPage.getOrDefault(k, item));
                if (!onPage.containsKey(k)) {
                    kept.add(name.apply(item));
                }
            });
            onPage.forEach((k, item) -> {
                if (!before.containsKey(k)) {
                    merged.add(item);
                }
            });
        }
        return new Result<>(merged, new ListChanges(added, updated, unchanged, kept, removed, merged.size()));
    }

    /** The name without case and with each run of spaces as one space. */
    private static String key(String name) {
        StringBuilder k = new StringBuilder(name.length());
        for (String word : Split.on(name.strip().toLowerCase(Locale.ROOT), " ")) {
            if (!word.isBlank()) {
                k.append(k.isEmpty() ? "" : " ").append(word.strip());
            }
        }
        return k.toString();
    }
}
