package dev.hotfixlog.metrics.internal;

import java.util.List;

/**
 * A chart's geometry in its own coordinates (a {@link #WIDTH} × {@link #HEIGHT} view box), computed by
 * {@link ChartBuilder} and written out by {@link ChartSvg}: what a test measures is what the page draws.
 *
 * @param id      unique on the page: the SVG's title is labelled by it
 * @param columns one per month, left to right, each focusable with its values as text
 * @param lines   the series drawn as lines (empty for bars)
 * @param target  the seed's target as a horizontal line; null where the seed names none
 * @param axisNote what the vertical axis is ("log scale"), or null
 */
public record Chart(
        String id,
        String title,
        List<Tick> ticks,
        List<MonthLabel> months,
        List<Column> columns,
        List<Line> lines,
        Target target,
        List<Legend> legend,
        String axisNote) {
    public static final int WIDTH = 320;
    public static final int HEIGHT = 240;
    public static final double LEFT = 58;
    public static final double RIGHT = WIDTH - 6;
    /** Above the plot: the two lines a focused or hovered month's values are read out in. */
    public static final double TOP = 44;

    public static final double BOTTOM = HEIGHT - 42;

    public Chart {
        ticks = List.copyOf(ticks);
        months = List.copyOf(months);
        columns = List.copyOf(columns);
        lines = List.copyOf(lines);
        legend = List.copyOf(legend);
    }

    /** A horizontal grid line and its label on the axis. */
    public record Tick(double y, String label) {}

    /** A month's name under the axis; {@code year} under it at the first month and each January, else null. */
    public record MonthLabel(double x, String name, String year) {}

    /** One month: its slot, the text its values read as (tooltip, title and accessible name), its marks. */
    public record Column(String period, double x, double width, String text, List<Mark> marks) {
        public Column {
            marks = List.copyOf(marks);
        }

        public double centre() {
            return x + width / 2;
        }
    }

    /** A bar ({@code w} × {@code h} from {@code x}, {@code y}) or a point at ({@code x}, {@code y}). */
    public record Mark(Shape shape, String series, double x, double y, double w, double h) {}

    public enum Shape {
        BAR,
        DOT,
        SQUARE
    }

    /** A series drawn as a line: SVG path data, broken where a month has no value. */
    public record Line(String series, String path) {}

    public record Target(double y, String label) {}

    public record Legend(String series, String name, Shape shape) {}
}
