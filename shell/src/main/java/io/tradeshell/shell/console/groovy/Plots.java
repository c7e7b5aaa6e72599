package io.tradeshell.shell.console.groovy;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.report.chart.ComparisonChart;
import io.tradeshell.report.chart.NamedCurve;
import io.tradeshell.report.chart.Overlay;
import io.tradeshell.report.chart.PriceChart;
import io.tradeshell.report.chart.PriceChartInput;
import io.tradeshell.shell.console.chart.ChartFigure;
import io.tradeshell.shell.console.chart.Figure;
import io.tradeshell.shell.console.data.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;

/**
 * What {@code plot(...)} draws: loaded data as a price chart with indicators over it
 * ({@code plot(btc, sma(btc, 20))}), or indicators and data as lines over time
 * ({@code plot(r1m: roc(btc1, 1), r15m: roc(btc15, 1))}), each named by its key or its own text.
 * {@code title:} and {@code ylabel:} name the chart and its value axis.
 */
public final class Plots {
    private static final List<String> OPTIONS = List.of("title", "ylabel");

    private Plots() { }

    public static Figure plot(Map<String, ?> named, Object... series) {
        String title = named.containsKey("title") ? String.valueOf(named.get("title")) : null;
        String ylabel = named.containsKey("ylabel") ? String.valueOf(named.get("ylabel")) : "";
        Map<String, Indicator> lines = new LinkedHashMap<>();
        Dataset price = series.length > 0 && series[0] instanceof Dataset d ? d : null;
        for (int k = price == null ? 0 : 1; k < series.length; k++) add(lines, null, series[k]);
        for (var e : named.entrySet()) if (!OPTIONS.contains(e.getKey())) add(lines, e.getKey(), e.getValue());
        if (price == null && lines.isEmpty()) throw new IllegalArgumentException("plot needs loaded data or indicators, such as plot(btc) or plot(rsi(btc, 14))");
        return price != null ? overPrice(price, lines, title) : overTime(lines, title, ylabel);
    }

    private static void add(Map<String, Indicator> lines, String name, Object value) {
        Indicator i;
        try {
            i = Words.input(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("plot draws loaded data and indicators" + (name == null ? "" : "; '" + name + "' is ")
                    + (name == null ? ", not " : "") + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        String key = name != null ? name : value instanceof Dataset d ? d.name() : i.toString();
        if (lines.containsKey(key)) key = key + " (" + (lines.size() + 1) + ")";
        lines.put(key, i);
    }

    private static Figure overPrice(Dataset data, Map<String, Indicator> lines, String title) {
        BarSeries bars = data.bars();
        for (var e : lines.entrySet()) {
            if (e.getValue().series() != bars) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is over other bars than " + data.name()
                        + "; over the price go indicators of the same data (plot(a, b) without data draws lines of any data)");
            }
        }
        String caption = (title != null ? title : data.symbol() + " price") + (lines.isEmpty() ? "" : " with " + String.join(", ", lines.keySet()));
        return new ChartFigure("plot-" + data.name(), caption, () -> {
            List<Overlay> overlays = new ArrayList<>();
            for (var e : lines.entrySet()) overlays.add(new Overlay(e.getKey(), values(e.getValue())));
            XYChart chart = PriceChart.render(new PriceChartInput(data.symbol(), bars, overlays, List.of()));
            if (title != null) chart.setTitle(title);
            return chart;
        }, Optional.of(new ChartFigure.TextLine(data.symbol() + " close", close(bars), times(bars))));
    }

    private static Figure overTime(Map<String, Indicator> lines, String title, String ylabel) {
        String caption = title != null ? title : String.join(", ", lines.keySet());
        String first = lines.keySet().iterator().next();
        return new ChartFigure("plot-" + slug(first), caption, () -> {
            List<NamedCurve> curves = new ArrayList<>();
            for (var e : lines.entrySet()) curves.add(new NamedCurve(e.getKey(), times(e.getValue().series()), values(e.getValue())));
            XYChart chart = ComparisonChart.render(caption, curves);
            chart.setYAxisTitle(ylabel);
            chart.getStyler().setYAxisDecimalPattern(null);
            chart.getStyler().setLegendVisible(curves.size() > 1);
            return chart;
        }, Optional.of(new ChartFigure.TextLine(first, values(lines.get(first)), times(lines.get(first).series()))));
    }

    /** The indicator's values, NaN while it warms up so a chart does not draw what it cannot trust yet. */
    static double[] values(Indicator i) {
        double[] out = new double[i.size()];
        int unstable = Math.min(i.unstableBars(), out.length);
        for (int k = 0; k < out.length; k++) out[k] = k < unstable ? Double.NaN : i.value(k);
        return out;
    }

    private static long[] times(BarSeries bars) {
        long[] t = new long[bars.size()];
        for (int k = 0; k < t.length; k++) t[k] = bars.openTime(k);
        return t;
    }

    private static double[] close(BarSeries bars) {
        double[] c = new double[bars.size()];
        for (int k = 0; k < c.length; k++) c[k] = bars.close(k);
        return c;
    }

    private static String slug(String text) {
        String s = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "lines" : s.length() > 40 ? s.substring(0, 40) : s;
    }
}
