package io.tradeshell.report.chart;

import java.util.List;
import org.knowm.xchart.XYChart;

/** Several named equity curves on one chart, for comparing runs. */
public final class ComparisonChart {
    private ComparisonChart() {}

    public static XYChart render(String title, List<NamedCurve> curves) {
        return render(title, curves, ChartSize.DEFAULT);
    }

    public static XYChart render(String title, List<NamedCurve> curves, ChartSize size) {
        if (curves.isEmpty()) throw new IllegalArgumentException("no curves to compare");
        XYChart chart = ChartTheme.xyChart(title, size);
        chart.setYAxisTitle("Equity");
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        long from = Long.MAX_VALUE, to = Long.MIN_VALUE;
        for (NamedCurve c : curves) {
            if (c.time().length == 0) throw new IllegalArgumentException("curve " + c.name() + " has no points");
            from = Math.min(from, c.time()[0]);
            to = Math.max(to, c.time()[c.time().length - 1]);
        }
        TimeAxis axis = TimeAxis.spanning(from, to);
        axis.applyTo(chart, TimeLines.firstFinite(curves.get(0).equity()));
        SeriesNames names = new SeriesNames(TickAnchor.NAME);
        int i = 0;
        for (NamedCurve c : curves) {
            // two runs may share a name; the chart needs each series named once
            TimeLines.add(chart, axis, names.unique(c.name()), c.time(), c.equity(), size)
                    .setLineColor(ChartTheme.color(i++)).setLineStyle(ChartTheme.line(1.8f));
        }
        return chart;
    }
}
