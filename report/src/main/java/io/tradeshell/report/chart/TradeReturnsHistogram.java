package io.tradeshell.report.chart;

import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How trade returns are spread: a histogram over a numeric percent axis, with losing bins in
 * red and winning bins in green (zero is always a bin edge, so no bin mixes the two).
 */
public final class TradeReturnsHistogram {
    private TradeReturnsHistogram() {}

    /** {@code returns} are fractions (0.05 = 5%), one per closed trade; NaN values are left out. */
    public static XYChart render(double[] returns) {
        return render(returns, ChartSize.DEFAULT);
    }

    public static XYChart render(double[] returns, ChartSize size) {
        ReturnBins bins = ReturnBins.of(returns);
        if (bins.total() == 0) throw new IllegalArgumentException("no trade returns to chart");
        XYChart chart = ChartTheme.xyChart("Distribution of trade returns (%d trades)".formatted(bins.total()), size);
        chart.setXAxisTitle("Return per trade (%)");
        chart.setYAxisTitle("Trades");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,##0.#");
        chart.getStyler().setXAxisDecimalPattern("0.##");

        TickAnchor.add(chart, bins.edge(bins.counts().length), bins.edge(0), 0.0);
        int zeroEdge = bins.firstBinAtOrAbove(0.0);
        addSteps(chart, "Losing trades", bins, 0, zeroEdge, ChartTheme.DOWN);
        addSteps(chart, "Winning trades", bins, zeroEdge, bins.counts().length, ChartTheme.UP);
        return chart;
    }

    /**
     * Bins {@code from..to-1} as a filled step outline: one point at each bin's left edge with
     * its count, and a closing point at the right edge of the last bin.
     */
    private static void addSteps(XYChart chart, String name, ReturnBins bins, int from, int to, Color colour) {
        if (from >= to) return;
        int n = to - from;
        double[] x = new double[n + 1], y = new double[n + 1];
        for (int b = from; b < to; b++) {
            x[b - from] = bins.edge(b);
            y[b - from] = bins.counts()[b];
        }
        x[n] = bins.edge(to);
        y[n] = bins.counts()[to - 1];
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour.darker()).setLineStyle(ChartTheme.line(1.2f));
        s.setFillColor(ChartTheme.translucent(colour, 190));
    }
}
