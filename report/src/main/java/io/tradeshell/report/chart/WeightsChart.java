package io.tradeshell.report.chart;

import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A portfolio's weights over time as stacked areas: long positions stacked up from zero, short
 * ones down from it, one colour per symbol, so a rotation reads as bands changing hands.
 */
public final class WeightsChart {
    /** Twelve colours distinct enough to tell sector bands apart. */
    private static final Color[] COLOURS = {
            ChartTheme.BLUE, ChartTheme.ORANGE, ChartTheme.TEAL, ChartTheme.PURPLE, ChartTheme.BROWN, ChartTheme.GREY,
            new Color(0xC0, 0x39, 0x2B), new Color(0x27, 0xAE, 0x60), new Color(0xF1, 0xC4, 0x0F),
            new Color(0x2C, 0x3E, 0x50), new Color(0xE8, 0x43, 0x93), new Color(0x16, 0xA0, 0xD8)};

    private WeightsChart() {}

    public static XYChart render(PortfolioWeights w) {
        return render(w, ChartSize.DEFAULT);
    }

    public static XYChart render(PortfolioWeights w, ChartSize size) {
        if (w.time().length == 0) throw new IllegalArgumentException("no equity points to chart weights over");
        XYChart chart = ChartTheme.xyChart("Portfolio weights", size);
        chart.setYAxisTitle("Share of equity");
        chart.getStyler().setYAxisDecimalPattern("0%");
        TimeAxis axis = TimeAxis.spanning(w.time());
        axis.applyTo(chart, 0);
        int n = w.symbols().size(), m = w.time().length;
        double[] x = axis.x(w.time());
        // Each band is drawn as the area up to its running total, the outermost first, so the
        // nearer bands paint over it and every band shows its own height.
        double[][] upper = new double[n][m], lower = new double[n][m];
        double[] up = new double[m], down = new double[m];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < m; t++) {
                double v = w.weights()[k][t];
                if (v > 0) up[t] += v;
                if (v < 0) down[t] += v;
                upper[k][t] = up[t];
                lower[k][t] = down[t];
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            if (!held(w.weights()[k])) continue;
            Color c = COLOURS[k % COLOURS.length];
            if (anyAbove(w.weights()[k])) band(chart, w.symbols().get(k), x, upper[k], c);
            if (anyBelow(w.weights()[k])) band(chart, w.symbols().get(k) + " short", x, lower[k], c);
        }
        return chart;
    }

    private static void band(XYChart chart, String name, double[] x, double[] y, Color c) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(c);
        s.setFillColor(c);
        s.setLineStyle(ChartTheme.line(1f));
    }

    private static boolean held(double[] row) { return anyAbove(row) || anyBelow(row); }

    private static boolean anyAbove(double[] row) {
        for (double v : row) if (v > 0) return true;
        return false;
    }

    private static boolean anyBelow(double[] row) {
        for (double v : row) if (v < 0) return true;
        return false;
    }
}
