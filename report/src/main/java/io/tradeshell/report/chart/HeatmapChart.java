package io.tradeshell.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;

/**
 * A labelled grid of values, for parameter sweeps. Values that straddle zero get the
 * red-white-green scale; values of one sign get a white-to-blue scale.
 */
public final class HeatmapChart {
    private static final Color LIGHT = new Color(0xF2, 0xF6, 0xFB);

    private HeatmapChart() {}

    public static HeatMapChart render(HeatmapInput input) {
        return render(input, ChartSize.DEFAULT);
    }

    public static HeatMapChart render(HeatmapInput input, ChartSize size) {
        HeatMapChart chart = ChartTheme.heatMapChart(input.title(), size);
        chart.setXAxisTitle(input.xName());
        chart.setYAxisTitle(input.yName());
        List<Number[]> cells = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        double[][] v = input.values();
        for (int r = 0; r < v.length; r++) {
            for (int c = 0; c < v[r].length; c++) {
                if (Double.isNaN(v[r][c])) continue;
                cells.add(new Number[] {c, r, v[r][c]});
                lo = Math.min(lo, v[r][c]);
                hi = Math.max(hi, v[r][c]);
            }
        }
        if (cells.isEmpty()) throw new IllegalArgumentException("no values to chart in " + input.title());
        if (lo < 0 && hi > 0) {
            DivergingScale.apply(chart, Math.max(-lo, hi));
        } else {
            chart.getStyler().setRangeColors(new Color[] {LIGHT, ChartTheme.BLUE});
            // the legend prints its ends as raw doubles, so round them outwards to a tidy step
            double step = RoundNumbers.atLeast((hi > lo ? hi - lo : Math.max(1e-9, Math.abs(hi))) / 10);
            double min = RoundNumbers.times(Math.floor(lo / step), step);
            double max = RoundNumbers.times(Math.ceil(hi / step), step);
            chart.getStyler().setMin(min);
            chart.getStyler().setMax(max > min ? max : min + step);
            chart.getStyler().setShowValue(true);
            chart.getStyler().setValueFont(ChartTheme.TICK_FONT);
            chart.getStyler().setValueFontColor(ChartTheme.TEXT);
            chart.getStyler().setDrawBorder(true);
        }
        // value labels only while cells are wide enough to hold them
        boolean roomy = size.width() / Math.max(1, input.xLabels().size()) >= 45
                && size.height() / Math.max(1, input.yLabels().size()) >= 18;
        chart.getStyler().setShowValue(roomy);
        double span = Math.max(Math.abs(lo), Math.abs(hi));
        chart.getStyler().setHeatMapValueDecimalPattern(span >= 100 ? "#,##0" : span >= 10 ? "0.0" : "0.00");
        chart.addSeries(input.title(), input.xLabels(), input.yLabels(), cells);
        return chart;
    }
}
