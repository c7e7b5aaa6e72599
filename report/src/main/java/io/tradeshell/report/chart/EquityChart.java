package io.tradeshell.report.chart;

import org.knowm.xchart.XYChart;

/** The strategy's equity against buying and holding the same data, on one chart. */
public final class EquityChart {
    private EquityChart() {}

    public static XYChart render(EquityChartInput input) {
        return render(input, ChartSize.DEFAULT);
    }

    public static XYChart render(EquityChartInput input, ChartSize size) {
        if (input.time().length == 0) throw new IllegalArgumentException("no equity points to chart");
        XYChart chart = ChartTheme.xyChart("Equity vs buy-and-hold", size);
        chart.setYAxisTitle("Equity");
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        TimeAxis axis = TimeAxis.spanning(input.time());
        axis.applyTo(chart, TimeLines.firstFinite(input.equity()));
        TimeLines.add(chart, axis, "Strategy", input.time(), input.equity(), size)
                .setLineColor(ChartTheme.BLUE).setLineStyle(ChartTheme.line(2f));
        if (input.hasBenchmark()) {
            TimeLines.add(chart, axis, "Buy and hold", input.time(), input.benchmark(), size)
                    .setLineColor(ChartTheme.GREY).setLineStyle(ChartTheme.dashed(1.6f));
        }
        return chart;
    }
}
