package io.tradeshell.report.chart;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Adds long time series to a chart as plain lines, thinned to the chart's width first. */
final class TimeLines {
    private TimeLines() {}

    /** The first value that is a number, 0 if there is none; used to anchor the x ticks inside the y range. */
    static double firstFinite(double[] values) {
        for (double v : values) if (Double.isFinite(v)) return v;
        return 0.0;
    }

    static XYSeries add(XYChart chart, TimeAxis axis, String name, long[] time, double[] values, ChartSize size) {
        Points p = MinMaxDecimation.decimate(time, values, size.width());
        XYSeries s = chart.addSeries(name, axis.x(p.time()), p.values());
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }
}
