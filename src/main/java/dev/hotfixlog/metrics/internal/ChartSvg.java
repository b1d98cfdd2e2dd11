package dev.hotfixlog.metrics.internal;

import static dev.hotfixlog.metrics.internal.ChartBuilder.num;
import static dev.hotfixlog.web.Markup.escape;

/**
 * A {@link Chart} as SVG markup: no script and no style attributes (the CSP holds), presentation attributes and
 * classes only; every text escaped (system and type names are people's text). Each month is a focusable group
 * named by its values, with a {@code <title>} for the pointer and a read-out above the plot that the stylesheet
 * shows on hover and on keyboard focus.
 */
public final class ChartSvg {
    /** A read-out line longer than this is drawn condensed to the chart's width rather than cut off. */
    private static final int LONG_LINE = 40;

    private ChartSvg() {}

    public static String render(Chart c) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<svg class=\"chart chart-narrow\" viewBox=\"0 0 ")
                .append(Chart.WIDTH)
                .append(' ')
                .append(Chart.HEIGHT)
                .append("\" font-size=\"14\" role=\"group\" aria-labelledby=\"")
                .append(escape(c.id()))
                .append("-t\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"")
                .append(escape(c.id()))
                .append("-t\">")
                .append(escape(c.title()))
                .append("</title>");
        axis(b, c);
        for (Chart.Line l : c.lines()) {
            b.append("<path class=\"line s-")
                    .append(escape(l.series()))
                    .append("\" d=\"")
                    .append(l.path())
                    .append("\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/>");
        }
        for (Chart.Column col : c.columns()) {
            column(b, col);
        }
        // The target over the marks, so a bar never hides its label.
        if (c.target() != null) {
            double y = c.target().y();
            line(b, "target", Chart.LEFT, y, Chart.RIGHT, y, " stroke=\"currentColor\" stroke-dasharray=\"6 4\"");
            double labelY = y - 5 - 14 < Chart.TOP - 14 ? y + 16 : y - 5;
            b.append("<text class=\"target-label\" x=\"")
                    .append(num(Chart.RIGHT))
                    .append("\" y=\"")
                    .append(num(labelY))
                    .append("\" text-anchor=\"end\">")
                    .append(escape(c.target().label()))
                    .append("</text>");
        }
        return b.append("</svg>").toString();
    }

    private static void axis(StringBuilder b, Chart c) {
        b.append("<g class=\"axis\" aria-hidden=\"true\" fill=\"currentColor\">");
        for (Chart.Tick t : c.ticks()) {
            line(b, "grid", Chart.LEFT, t.y(), Chart.RIGHT, t.y(), " stroke=\"currentColor\" stroke-opacity=\".2\"");
            text(b, null, Chart.LEFT - 5, t.y() + 5, "end", t.label());
        }
        line(b, "base", Chart.LEFT, Chart.BOTTOM, Chart.RIGHT, Chart.BOTTOM, " stroke=\"currentColor\"");
        for (Chart.MonthLabel m : c.months()) {
            text(b, null, m.x(), Chart.BOTTOM + 18, "middle", m.name());
            if (m.year() != null) {
                text(b, null, m.x(), Chart.BOTTOM + 36, "middle", m.year());
            }
        }
        b.append("</g>");
    }

    private static void column(StringBuilder b, Chart.Column col) {
        String text = escape(col.text());
        b.append("<g class=\"col\" tabindex=\"0\" role=\"img\" aria-label=\"")
                .append(text)
                .append("\"><title>")
                .append(text)
                .append("</title><rect class=\"hit\" x=\"")
                .append(num(col.x()))
                .append("\" y=\"")
                .append(num(Chart.TOP))
                .append("\" width=\"")
                .append(num(col.width()))
                .append("\" height=\"")
                .append(num(Chart.BOTTOM - Chart.TOP))
                .append("\" fill=\"#fff\" fill-opacity=\"0\"/>");
        for (Chart.Mark m : col.marks()) {
            mark(b, m);
        }
        // The read-out: the month on the first line, its values on the second.
        int colon = col.text().indexOf(": ");
        String head = colon < 0 ? col.text() : col.text().substring(0, colon);
        String rest = colon < 0 ? "" : col.text().substring(colon + 2);
        b.append("<g class=\"tip\" visibility=\"hidden\"><rect class=\"tip-bg\" x=\"0\" y=\"0\" width=\"")
                .append(Chart.WIDTH)
                .append("\" height=\"")
                .append(num(Chart.TOP - 4))
                .append("\" fill=\"#fff\"/>");
        text(b, "tip-head", Chart.WIDTH / 2.0, 16, "middle", head);
        text(b, null, Chart.WIDTH / 2.0, 35, "middle", rest);
        b.append("</g></g>");
    }

    private static void mark(StringBuilder b, Chart.Mark m) {
        String cls = "s-" + escape(m.series());
        switch (m.shape()) {
            case BAR ->
                b.append("<rect class=\"")
                        .append(cls)
                        .append("\" x=\"")
                        .append(num(m.x()))
                        .append("\" y=\"")
                        .append(num(m.y()))
                        .append("\" width=\"")
                        .append(num(m.w()))
                        .append("\" height=\"")
                        .append(num(m.h()))
                        .append("\"/>");
            case DOT ->
                b.append("<circle class=\"pt ")
                        .append(cls)
                        .append("\" cx=\"")
                        .append(num(m.x()))
                        .append("\" cy=\"")
                        .append(num(m.y()))
                        .append("\" r=\"4.5\"/>");
            case SQUARE ->
                b.append("<rect class=\"pt ")
                        .append(cls)
                        .append("\" x=\"")
                        .append(num(ChartBuilder.round(m.x() - 4)))
                        .append("\" y=\"")
                        .append(num(ChartBuilder.round(m.y() - 4)))
                        .append("\" width=\"8\" height=\"8\"/>");
        }
    }

    private static void line(StringBuilder b, String cls, double x1, double y1, double x2, double y2, String more) {
        b.append("<line class=\"")
                .append(cls)
                .append("\" x1=\"")
                .append(num(x1))
                .append("\" y1=\"")
                .append(num(y1))
                .append("\" x2=\"")
                .append(num(x2))
                .append("\" y2=\"")
                .append(num(y2))
                .append('"')
                .append(more)
                .append("/>");
    }

    private static void text(StringBuilder b, String cls, double x, double y, String anchor, String content) {
        b.append("<text");
        if (cls != null) {
            b.append(" class=\"").append(cls).append('"');
        }
        b.append(" x=\"")
                .append(num(x))
                .append("\" y=\"")
                .append(num(y))
                .append("\" text-anchor=\"")
                .append(anchor)
                .append('"');
        if (content.length() > LONG_LINE) {
            b.append(" textLength=\"").append(Chart.WIDTH - 8).append("\" lengthAdjust=\"spacingAndGlyphs\"");
        }
        b.append('>').append(escape(content)).append("</text>");
    }
}
