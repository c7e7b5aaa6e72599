package io.tradeshell.report.chart;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The underwater chart: how far equity is below its running peak, as a filled area under zero. */
public final class DrawdownChart {
    private DrawdownChart() {}

    public static XYChart render(long[] time, double[] equity) {
        return render(time, equity, ChartSize.DEFAULT);
    }

    public static XYChart render(long[] time, double[] equity, ChartSize size) {
        if (time.length == 0) throw new IllegalArgumentException("no equity points to chart");
        double[] dd = Drawdowns.percentFromPeak(equity);
        double deepest = Drawdowns.deepest(dd);
        XYChart chart = ChartTheme.xyChart("Drawdown from running peak (max %s%%)".formatted(Percent.oneDecimal(deepest)), size);
        chart.setYAxisTitle("Drawdown (%)");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMax(0.0);
        // an equity curve that never dips still gets a readable axis
        chart.getStyler().setYAxisMin(deepest < 0 ? deepest * 1.05 : -1.0);
        chart.getStyler().setYAxisDecimalPattern("0.#");
        TimeAxis axis = TimeAxis.spanning(time);
        axis.applyTo(chart, 0.0);
        XYSeries s = TimeLines.add(chart, axis, "Drawdown", time, dd, size);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setLineColor(ChartTheme.DOWN).setLineStyle(ChartTheme.line(1.2f));
        s.setFillColor(ChartTheme.translucent(ChartTheme.DOWN, 70));
        return chart;
    }
}
