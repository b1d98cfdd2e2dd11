package dev.hotfixlog.metrics;

import java.util.List;

/**
 * A dashboard chart as the template shows it: its SVG (escaped where it was built), its legend, and the same
 * numbers as a table for screen readers and for anyone who wants the figures.
 *
 * @param note what a reader needs to read the chart right ("log scale: …"), or null
 */
public record ChartView(
        String id,
        String title,
        String note,
        String svg,
        List<Key> legend,
        List<String> head,
        List<List<String>> rows) {
    public ChartView {
        legend = List.copyOf(legend);
        head = List.copyOf(head);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** A legend entry: the series' CSS key ({@code s-<key>}), its name, and its mark: bar, dot or square. */
    public record Key(String key, String name, String shape) {}
}
