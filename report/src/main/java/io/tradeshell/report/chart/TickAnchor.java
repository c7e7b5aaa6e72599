package io.tradeshell.report.chart;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An invisible first series that keeps XChart's x ticks on round numbers. When all x values
 * of a chart are equally spaced (hourly bars without gaps, histogram edges) XChart puts a tick
 * on data points instead, which crowds the axis with odd values; listing the right end before
 * the left end first makes the values look unevenly spaced and restores the normal ticks.
 */
final class TickAnchor {
    /** The anchor's series name; it never shows. */
    static final String NAME = " ";

    private TickAnchor() {}

    /** Adds the anchor; {@code right} and {@code left} are the x extremes, {@code y} any value in range. */
    static void add(XYChart chart, double right, double left, double y) {
        if (!chart.getSeriesCollection().isEmpty()) {
            throw new IllegalStateException("the tick anchor must be the chart's first series");
        }
        double safeY = Double.isNaN(y) || Double.isInfinite(y) ? 0.0 : y;
        XYSeries s = chart.addSeries(NAME, new double[] {right, left}, new double[] {safeY, safeY});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineStyle(SeriesLines.NONE);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }
}
