package io.tradeshell.report.chart;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A model's out-of-sample accuracy over time: one step per training window (or per quarter), from the
 * training to the next one, against the band a coin would stay in (0.5 plus or minus two standard
 * errors of the window's predictions), so a window above the band is an edge and one inside is not.
 */
public final class ModelAccuracyChart {
    private ModelAccuracyChart() {}

    /**
     * One training window: predicting from {@code from} until {@code to} (epoch millis), {@code predictions}
     * of them scored against their labels with {@code accuracy}.
     */
    public record Window(long from, long to, int predictions, double accuracy) { }

    /** The chart of the windows that scored any prediction; fails when none did. */
    public static XYChart render(String title, java.util.List<Window> windows) {
        return render(title, windows, new ChartSize(1200, 420));
    }

    public static XYChart render(String title, java.util.List<Window> windows, ChartSize size) {
        java.util.List<Window> scored = windows.stream().filter(w -> w.predictions() > 0 && Double.isFinite(w.accuracy())).toList();
        if (scored.isEmpty()) throw new IllegalArgumentException("no scored predictions to chart");
        int n = scored.size();
        long[] time = new long[2 * n];
        double[] accuracy = new double[2 * n], upper = new double[2 * n], lower = new double[2 * n];
        double lowest = 0.5, highest = 0.5;
        for (int i = 0; i < n; i++) {
            Window w = scored.get(i);
            double band = 2 * Math.sqrt(0.25 / w.predictions()); // two standard errors of a coin's hit rate
            for (int k = 0; k < 2; k++) {
                time[2 * i + k] = k == 0 ? w.from() : w.to();
                accuracy[2 * i + k] = w.accuracy();
                upper[2 * i + k] = 0.5 + band;
                lower[2 * i + k] = 0.5 - band;
            }
            lowest = Math.min(lowest, Math.min(w.accuracy(), 0.5 - band));
            highest = Math.max(highest, Math.max(w.accuracy(), 0.5 + band));
        }
        XYChart chart = ChartTheme.xyChart(title, size);
        chart.setYAxisTitle("Accuracy");
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setYAxisMin(Math.max(0, lowest - 0.03));
        chart.getStyler().setYAxisMax(Math.min(1, highest + 0.03));
        TimeAxis axis = TimeAxis.spanning(time[0], time[time.length - 1]);
        axis.applyTo(chart, 0.5);
        double[] x = axis.x(time);
        XYSeries hi = chart.addSeries("a coin: 0.5 ± 2 standard errors", x, upper);
        hi.setMarker(SeriesMarkers.NONE);
        hi.setLineColor(ChartTheme.GREY).setLineStyle(ChartTheme.dashed(1.2f));
        XYSeries lo = chart.addSeries("a coin, lower edge", x, lower);
        lo.setMarker(SeriesMarkers.NONE);
        lo.setLineColor(ChartTheme.GREY).setLineStyle(ChartTheme.dashed(1.2f));
        lo.setShowInLegend(false);
        XYSeries s = chart.addSeries("out-of-sample accuracy of each step's predictions", x, accuracy);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(ChartTheme.BLUE).setLineStyle(ChartTheme.line(2.2f));
        return chart;
    }
}
