package dev.hotfixlog.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.metrics.internal.Chart.Column;
import dev.hotfixlog.metrics.internal.Chart.Mark;
import dev.hotfixlog.metrics.internal.ChartBuilder.Series;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The charts' geometry, measured on what the builder produces; and the markup written from it. */
class ChartBuilderTest {
    private static final List<String> MONTHS = List.of("2026-01", "2026-02", "2026-03", "2026-04");
    private static final double HOUR = 3600;

    private static Chart durations(List<String> months, Double... medians) {
        List<Double> p90 =
                Arrays.stream(medians).map(v -> v == null ? null : v * 2).toList();
        return ChartBuilder.durations(
                "c",
                "Total incident duration",
                months,
                List.of(new Series("Median", "median", Arrays.asList(medians)), new Series("p90", "p90", p90)),
                3600L,
                "target < 60 min",
                v -> Math.round(v) + " s");
    }

    private static double medianY(Column c) {
        return c.marks().stream()
                .filter(m -> m.series().equals("median"))
                .findFirst()
                .orElseThrow()
                .y();
    }

    @Test
    void aTenThousandHourOutlier_leavesTheOtherMonthsMediansAtDistinguishableHeights() {
        Chart c = durations(MONTHS, 15 * 60.0, 45 * 60.0, 2 * HOUR, 10_000 * HOUR);
        List<Double> y = c.columns().stream().map(ChartBuilderTest::medianY).toList();

        assertThat(y.get(0) - y.get(1)).as("15 min above 45 min").isGreaterThanOrEqualTo(10);
        assertThat(y.get(1) - y.get(2)).as("45 min above 2 h").isGreaterThanOrEqualTo(10);
        assertThat(y.get(3)).as("the outlier is drawn, inside the plot").isBetween(Chart.TOP, Chart.TOP + 20);
        assertThat(y).allSatisfy(v -> assertThat(v).isBetween(Chart.TOP, Chart.BOTTOM));
        assertThat(c.axisNote()).isEqualTo("log scale");
        assertThat(c.target().y())
                .as("the 60 min target between 45 min and 2 h")
                .isBetween(y.get(2), y.get(1));
    }

    @Test
    void onALinearAxisTheSameOutlierWouldFlattenThem_whichIsWhyDurationsAreLogarithmic() {
        Scale.Linear linear = Scale.Linear.counts(10_000 * HOUR);
        double plot = Chart.BOTTOM - Chart.TOP;
        assertThat(plot * (linear.position(2 * HOUR) - linear.position(15 * 60.0)))
                .as("15 min and 2 h a fraction of a pixel apart")
                .isLessThan(1);
    }

    @Test
    void ticks_areRoundValuesInOrder_labelledInWords_andInsideThePlot() {
        Chart c = durations(MONTHS, 15 * 60.0, 45 * 60.0, 2 * HOUR, 10_000 * HOUR);
        assertThat(c.ticks()).extracting(Chart.Tick::label).containsExactly("15 min", "1 h", "1 d", "30 d", "1 yr");
        List<Double> ys = c.ticks().stream().map(Chart.Tick::y).toList();
        assertThat(ys).isSortedAccordingTo((a, b) -> Double.compare(b, a)); // each one higher up
        assertThat(ys).allSatisfy(v -> assertThat(v).isBetween(Chart.TOP, Chart.BOTTOM));

        assertThat(Scale.Linear.counts(7).ticks()).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0);
        assertThat(Scale.Linear.counts(0).ticks()).containsExactly(0.0, 1.0);
        assertThat(Scale.Linear.counts(42).ticks()).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0, 50.0);
        assertThat(Scale.Linear.counts(130).ticks()).containsExactly(0.0, 50.0, 100.0, 150.0);
        Scale.Linear percent = Scale.Linear.percent();
        assertThat(percent.ticks().stream().map(percent::label).toList())
                .containsExactly("0%", "25%", "50%", "75%", "100%");
    }

    @Test
    void aMonthWithNoData_hasNoMark_breaksTheLine_andSaysSo() {
        Chart c = durations(MONTHS, 20 * 60.0, null, 40 * 60.0, 30 * 60.0);
        assertThat(c.columns().get(1).marks()).isEmpty();
        assertThat(c.columns().get(1).text()).isEqualTo("Feb 2026: no data");
        assertThat(c.lines().get(0).path()).startsWith("M").contains("M").matches("M[^M]*M[^M]*");
        assertThat(c.columns().get(0).text()).isEqualTo("Jan 2026: median 1200 s, p90 2400 s");

        Chart bars = ChartBuilder.bars(
                "b",
                "Post-mortems within 48 h",
                MONTHS,
                new Series("Post-mortems", "share", Arrays.asList(1.0, null, 0.5, 0.0)),
                Scale.Linear.percent(),
                v -> Math.round(v * 100) + "%",
                Arrays.asList("2 of 2", "0 of 0", "1 of 2", "0 of 3"),
                1.0,
                "target 100%");
        assertThat(bars.columns().get(1).marks()).isEmpty();
        assertThat(bars.columns().get(1).text()).isEqualTo("Feb 2026: no data");
        assertThat(bars.columns().get(2).text()).isEqualTo("Mar 2026: 50% (1 of 2)");
        Mark full = bars.columns().get(0).marks().get(0);
        Mark half = bars.columns().get(2).marks().get(0);
        assertThat(full.h()).isEqualTo(Chart.BOTTOM - Chart.TOP);
        assertThat(half.h()).isEqualTo(full.h() / 2);
        assertThat(bars.target().y()).isEqualTo(Chart.TOP);
    }

    @Test
    void noMonthsAtAll_andNoValuesAtAll_drawAnEmptyChart() throws Exception {
        Chart none = durations(List.of());
        assertThat(none.columns()).isEmpty();
        assertThat(none.lines()).isEmpty();
        parse(ChartSvg.render(none));

        Chart empty = durations(MONTHS, null, null, null, null);
        assertThat(empty.columns()).allSatisfy(c -> assertThat(c.marks()).isEmpty());
        assertThat(empty.ticks()).isNotEmpty();
        Chart stacked = ChartBuilder.stacked(
                "s",
                "Hotfixes",
                MONTHS,
                List.of(new Series("Critical", "critical", List.of(0.0, 0.0, 0.0, 0.0))),
                "hotfix");
        assertThat(stacked.columns()).allSatisfy(c -> assertThat(c.marks()).isEmpty());
        assertThat(stacked.columns().get(0).text()).isEqualTo("Jan 2026: 0 hotfixes");
        parse(ChartSvg.render(stacked));
    }

    @Test
    void stackedBars_sitOnEachOther_andTheirHeightsFollowTheCounts() {
        Chart c = ChartBuilder.stacked(
                "s",
                "Hotfixes per month by severity",
                List.of("2026-01", "2026-02"),
                List.of(
                        new Series("Critical", "critical", List.of(1.0, 0.0)),
                        new Series("High", "high", List.of(2.0, 4.0))),
                "hotfix");
        List<Mark> jan = c.columns().get(0).marks();
        assertThat(jan).extracting(Mark::series).containsExactly("critical", "high");
        assertThat(jan.get(0).y() + jan.get(0).h()).isEqualTo(Chart.BOTTOM);
        assertThat(jan.get(1).y() + jan.get(1).h())
                .isCloseTo(jan.get(0).y(), org.assertj.core.data.Offset.offset(0.11));
        assertThat(jan.get(1).h()).isCloseTo(2 * jan.get(0).h(), org.assertj.core.data.Offset.offset(0.11));
        assertThat(c.columns().get(0).text()).isEqualTo("Jan 2026: 3 hotfixes (1 critical, 2 high)");
        assertThat(c.columns().get(1).text()).isEqualTo("Feb 2026: 4 hotfixes (4 high)");
    }

    @Test
    void aNameWithScript_isEscapedEverywhere_andTheMarkupIsWellFormed() throws Exception {
        String evil = "<script>alert(1)</script> & \"db\"";
        Chart c = ChartBuilder.stacked(
                "s",
                "Hotfixes of " + evil,
                MONTHS,
                List.of(new Series(evil, "x", List.of(1.0, 2.0, 0.0, 1.0))),
                "hotfix");
        String svg = ChartSvg.render(c);
        assertThat(svg)
                .doesNotContain("<script")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;db&quot;");
        Document d = parse(svg);
        assertThat(d.getElementsByTagName("script").getLength()).isZero();
        assertThat(d.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Hotfixes of " + evil);
    }

    @Test
    void everyMonth_isAFocusableGroupNamedByItsValues_withARead_outForHoverAndFocus() throws Exception {
        Chart c = durations(MONTHS, 15 * 60.0, 45 * 60.0, 2 * HOUR, 10_000 * HOUR);
        Document d = parse(ChartSvg.render(c));
        var groups = d.getElementsByTagName("g");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            var g = (org.w3c.dom.Element) groups.item(i);
            if (g.getAttribute("class").equals("col")) {
                assertThat(g.getAttribute("tabindex")).isEqualTo("0");
                labels.add(g.getAttribute("aria-label"));
                assertThat(g.getTextContent())
                        .contains(g.getAttribute("aria-label").substring(10));
            }
        }
        assertThat(labels)
                .containsExactly(c.columns().stream().map(Column::text).toArray(String[]::new));
        assertThat(d.getDocumentElement().getAttribute("style")).isEmpty();
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
