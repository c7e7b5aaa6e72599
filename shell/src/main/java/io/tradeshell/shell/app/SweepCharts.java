package io.tradeshell.shell.app;

import io.tradeshell.engine.metrics.EquityCurve;
import io.tradeshell.engine.optimize.Heatmap;
import io.tradeshell.engine.optimize.ParamLine;
import io.tradeshell.engine.optimize.SweepResult;
import io.tradeshell.engine.optimize.WalkForwardResult;
import io.tradeshell.engine.optimize.WindowResult;
import io.tradeshell.report.chart.ChartFormat;
import io.tradeshell.report.chart.ChartTheme;
import io.tradeshell.report.chart.ChartWriter;
import io.tradeshell.report.chart.ComparisonChart;
import io.tradeshell.report.chart.HeatmapChart;
import io.tradeshell.report.chart.HeatmapInput;
import io.tradeshell.report.chart.LineChart;
import io.tradeshell.report.chart.LineInput;
import io.tradeshell.report.chart.NamedCurve;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A sweep's charts: the objective as a heatmap over two parameters or a line over one, and a
 * walk-forward's stitched out-of-sample equity with a line at each window boundary.
 */
public final class SweepCharts {
    private SweepCharts() { }

    public static ChartFormat format(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "png" -> ChartFormat.PNG;
            case "svg" -> ChartFormat.SVG;
            default -> throw new IllegalArgumentException("unknown chart format '" + text + "' (use png or svg)");
        };
    }

    /** Checks chart params against the sweep's params before any work: at most two, each swept. */
    public static void check(List<String> chartParams, List<String> swept) {
        if (chartParams.size() > 2) throw new IllegalArgumentException("--chart-params takes one param (a line chart) or two (a heatmap), got " + chartParams.size());
        for (String p : chartParams) {
            if (!swept.contains(p)) throw new IllegalArgumentException("--chart-params: '" + p + "' is not a swept param (swept: " + String.join(", ", swept) + ")");
        }
        if (chartParams.size() == 2 && chartParams.get(0).equals(chartParams.get(1))) {
            throw new IllegalArgumentException("--chart-params needs two different params for a heatmap");
        }
    }

    /** The heatmap (two params) or line chart (one) of a sweep; none when nothing varies or nothing ran. */
    public static List<Path> write(SweepResult r, Path dir, ChartFormat format, List<String> chartParams) {
        List<String> params = chartParams.isEmpty() ? r.space().varied() : chartParams;
        Optional<Chart<?, ?>> chart = chart(r, chartParams);
        if (chart.isEmpty()) return List.of();
        try {
            return List.of(ChartWriter.write(chart.get(), dir.resolve(params.size() >= 2 ? "heatmap" : "line"), format));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write charts to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The objective as a heatmap over two params or a line over one (by default the first two
     * swept, or the one); empty when nothing varies or no combination has a value.
     */
    public static Optional<Chart<?, ?>> chart(SweepResult r, List<String> chartParams) {
        List<String> params = chartParams.isEmpty() ? r.space().varied() : chartParams;
        boolean others = r.space().varied().stream().anyMatch(p -> !params.subList(0, Math.min(2, params.size())).contains(p));
        if (params.size() >= 2) return Optional.ofNullable(heatmap(r.heatmap(params.get(0), params.get(1)), others));
        if (params.size() == 1) return Optional.ofNullable(line(r.line(params.get(0)), others));
        return Optional.empty();
    }

    /** @param others whether other params vary too, so each cell is the best over them */
    static Chart<?, ?> heatmap(Heatmap h, boolean others) {
        boolean any = Arrays.stream(h.values()).flatMapToDouble(Arrays::stream).anyMatch(Double::isFinite);
        if (!any) return null;
        double scale = scale(h.objective());
        String title = name(h.objective()) + " over " + h.x() + " and " + h.y() + note(h.objective(), others);
        var input = new HeatmapInput(title, h.x(), labels(h.xs()), h.y(), labels(h.ys()), finiteOrNaN(h.values(), scale));
        return HeatmapChart.render(input);
    }

    static Chart<?, ?> line(ParamLine l, boolean others) {
        boolean numeric = l.xs().stream().allMatch(v -> v instanceof Number);
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int k = 0; k < l.xs().size(); k++) {
            if (!Double.isFinite(l.values()[k])) continue;
            xs.add(numeric ? ((Number) l.xs().get(k)).doubleValue() : k);
            ys.add(l.values()[k] * scale(l.objective()));
        }
        if (xs.isEmpty()) return null;
        String title = name(l.objective()) + " over " + l.x() + note(l.objective(), others);
        var input = new LineInput(title, numeric ? l.x() : l.x() + " (value number)", name(l.objective()),
                xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray());
        return LineChart.render(input);
    }

    private static String note(io.tradeshell.engine.optimize.Objective o, boolean others) {
        String best = others ? "best over the other params" : "";
        String lower = o.higherIsBetter() ? "" : "lower is better";
        String both = best.isEmpty() ? lower : lower.isEmpty() ? best : best + ", " + lower;
        return both.isEmpty() ? "" : " (" + both + ")";
    }

    private static List<String> labels(List<Object> values) {
        return values.stream().map(String::valueOf).toList();
    }

    private static double[][] finiteOrNaN(double[][] v, double scale) {
        double[][] out = new double[v.length][];
        for (int r = 0; r < v.length; r++) {
            out[r] = new double[v[r].length];
            for (int c = 0; c < out[r].length; c++) out[r][c] = Double.isFinite(v[r][c]) ? v[r][c] * scale : Double.NaN;
        }
        return out;
    }

    /** Fractions (returns, drawdown, win rate) read better as percentages on a chart. */
    private static final java.util.Set<String> PERCENT = java.util.Set.of("totalReturn", "cagr", "volatility", "maxDrawdown",
            "winRate", "exposure", "buyAndHoldReturn");

    private static double scale(io.tradeshell.engine.optimize.Objective o) {
        return PERCENT.contains(o.metric()) ? 100 : 1;
    }

    private static String name(io.tradeshell.engine.optimize.Objective o) {
        return o.metric() + (PERCENT.contains(o.metric()) ? " %" : "");
    }

    /**
     * The stitched out-of-sample equity, each test window in its own shade so the boundaries
     * show, with a dashed line where each window starts.
     */
    public static Path walkForward(WalkForwardResult r, Path dir, ChartFormat format) {
        Optional<XYChart> chart = walkForwardChart(r);
        if (chart.isEmpty()) return null;
        try {
            return ChartWriter.write(chart.get(), dir.resolve("walkforward"), format);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write charts to " + dir + ": " + e.getMessage(), e);
        }
    }

    static final String WINDOW_START = "start of a test window";

    /** The first two segments name the colours they stand for in the legend; the rest are named by window. */
    private static String segmentName(int segment, int window) {
        return switch (segment) {
            case 0 -> "out-of-sample equity, one test window";
            case 1 -> "out-of-sample equity, the next (colours alternate)";
            default -> "window " + window;
        };
    }

    /** The walk-forward chart of {@link #walkForward}; empty when the walk has no out-of-sample points. */
    public static Optional<XYChart> walkForwardChart(WalkForwardResult r) {
        EquityCurve c = r.stitched();
        if (c.size() == 0) return Optional.empty();
        int[] window = r.windowOfPoints();
        List<NamedCurve> curves = new ArrayList<>();
        int start = 0;
        while (start < c.size()) {
            int end = start;
            while (end < c.size() && window[end] == window[start]) end++;
            int from = Math.max(0, start - 1); // join each segment to the last point of the one before
            curves.add(new NamedCurve(segmentName(curves.size(), window[start] + 1), Arrays.copyOfRange(c.time(), from, end),
                    Arrays.copyOfRange(c.equity(), from, end)));
            start = end;
        }
        int segments = curves.size();
        double lo = Arrays.stream(c.equity()).min().orElse(0), hi = Arrays.stream(c.equity()).max().orElse(0);
        for (WindowResult w : r.windows()) {
            long t = w.window().testFrom();
            String name = w == r.windows().get(0) ? WINDOW_START : "start of window " + (w.window().index() + 1);
            curves.add(new NamedCurve(name, new long[] {t, t}, new double[] {lo, hi}));
        }
        String title = r.name() + ": walk-forward out-of-sample equity (" + r.windows().size() + " windows, "
                + r.request().train() + " train / " + r.request().test() + " test" + (r.request().anchored() ? ", anchored" : "") + ")";
        XYChart chart = ComparisonChart.render(title, curves);
        // one legend entry per kind of line: the two alternating colours of the windows and the dashed start
        chart.getStyler().setLegendVisible(true);
        int i = 0;
        for (XYSeries s : chart.getSeriesCollection()) {
            if (s.getName().isBlank()) continue; // the report module's invisible tick anchor
            s.setShowInLegend(s.getName().startsWith("out-of-sample") || s.getName().equals(WINDOW_START));
            if (s.getName().startsWith("start of")) {
                s.setLineColor(ChartTheme.GREY).setLineStyle(ChartTheme.dashed(1f));
            } else if (i++ < segments) {
                s.setLineColor(i % 2 == 1 ? ChartTheme.BLUE : ChartTheme.TEAL).setLineStyle(ChartTheme.line(2f));
            }
        }
        return Optional.of(chart);
    }
}
