package io.tradeshell.report.chart;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** One series over a numeric axis, with a dot at each point; for single-parameter sweeps. */
public final class LineChart {
    private LineChart() {}

    public static XYChart render(LineInput input) {
        return render(input, ChartSize.DEFAULT);
    }

    public static XYChart render(LineInput input, ChartSize size) {
        XYChart chart = ChartTheme.xyChart(input.title(), size);
        chart.setXAxisTitle(input.xName());
        chart.setYAxisTitle(input.yName());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setPlotGridVerticalLinesVisible(true);
        XYSeries s = chart.addSeries(input.yName(), input.x(), input.y());
        s.setLineColor(ChartTheme.BLUE).setLineStyle(ChartTheme.line(2f));
        // dots help while points are few; past that they only thicken the line
        s.setMarker(input.x().length <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setMarkerColor(ChartTheme.BLUE);
        return chart;
    }
}
