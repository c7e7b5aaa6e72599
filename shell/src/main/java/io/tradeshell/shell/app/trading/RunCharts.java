package io.tradeshell.shell.app.trading;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.TradingLoop;
import io.tradeshell.engine.strategy.Overlays;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.report.chart.ChartFormat;
import io.tradeshell.report.chart.ChartWriter;
import io.tradeshell.report.chart.DrawdownChart;
import io.tradeshell.report.chart.EquityChart;
import io.tradeshell.report.chart.EquityChartInput;
import io.tradeshell.report.chart.Overlay;
import io.tradeshell.report.chart.PriceChart;
import io.tradeshell.report.chart.PriceChartInput;
import io.tradeshell.report.chart.TradeMarker;
import io.tradeshell.report.run.OverlayFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a run's three charts next to its files: price (first symbol) with the strategy's
 * price-scale indicators and its fills, equity against buy-and-hold, and underwater drawdown.
 */
public final class RunCharts {
    static final int MAX_MARKERS = 400;

    private RunCharts() { }

    public static List<Path> write(RunResult result, TradingLoop loop, Path dir, String format) {
        return write(result, loop, overlays(loop), dir, format);
    }

    /** As above, with the strategy's overlays already worked out ({@link #overlays(TradingLoop)}). */
    public static List<Path> write(RunResult result, TradingLoop loop, List<Overlay> overlays, Path dir, String format) {
        ChartFormat f = switch (format.toLowerCase()) {
            case "png" -> ChartFormat.PNG;
            case "svg" -> ChartFormat.SVG;
            default -> throw new IllegalArgumentException("unknown chart format '" + format + "' (use png or svg)");
        };
        List<Path> out = new ArrayList<>();
        if (result.curve().equity().length == 0) return out;
        BarSeries bars = loop.visibleSeries().get(0);
        // The price chart, the largest, is drawn on a second core while this one draws the other two.
        Background<Path> price = Background.start("price chart",
                () -> written(dir, () -> ChartWriter.write(PriceChart.render(priceInput(result, bars, overlays)), dir.resolve("price"), f)));
        var curve = result.curve();
        Path equity;
        Path drawdown;
        try {
            equity = written(dir, () -> ChartWriter.write(EquityChart.render(new EquityChartInput(curve.time(), curve.equity(), result.benchmark())), dir.resolve("equity"), f));
            drawdown = written(dir, () -> ChartWriter.write(DrawdownChart.render(curve.time(), curve.equity()), dir.resolve("drawdown"), f));
        } finally {
            price.settle();
        }
        out.add(price.join());
        out.add(equity);
        out.add(drawdown);
        if (loop.visibleSeries().size() > 1) out.addAll(written(dir, () -> UniverseCharts.write(result, loop.visibleSeries(), dir, f)));
        return out;
    }

    private interface ChartFile<T> {
        T write() throws IOException;
    }

    private static <T> T written(Path dir, ChartFile<T> chart) {
        try {
            return chart.write();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a chart in " + dir + ": " + e.getMessage()
                    + "; the run's data files and summary.json are complete, its charts are not", e);
        }
    }

    /** The indicators a strategy draws over the price of {@code bars}, one value per bar. */
    public static List<Overlay> overlays(BarSeries bars, Strategy strategy) {
        List<Overlay> overlays = new ArrayList<>();
        if (strategy instanceof Overlays o) {
            for (Overlays.Overlay ov : o.overlays()) {
                double[] values = new double[bars.size()];
                for (int i = 0; i < values.length; i++) values[i] = ov.indicator().value(i);
                overlays.add(new Overlay(ov.name(), values));
            }
        }
        return overlays;
    }

    /**
     * Keeps the strategy's price overlays beside the run's files, so that {@code tradeshell report}
     * draws them over the price as {@code price.png} does.
     */
    public static void writeOverlays(TradingLoop loop, Path dir) {
        writeOverlays(overlays(loop), dir);
    }

    /** As above, with the overlays already worked out: a run's charts and its file share one copy of a million-bar column. */
    public static void writeOverlays(List<Overlay> overlays, Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) return;
        try {
            OverlayFile.write(dir, overlays);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage() + "; the run's data files and summary.json are complete", e);
        }
    }

    /** The overlays of a run's first symbol drawn by its first strategy; none when it has neither. */
    public static List<Overlay> overlays(TradingLoop loop) {
        if (loop.visibleSeries().isEmpty() || loop.strategies().isEmpty()) return List.of();
        return overlays(loop.visibleSeries().get(0), loop.strategies().get(0));
    }

    /** The price chart of a run: its bars, the strategy's overlays and its fills. */
    public static PriceChartInput priceInput(RunResult result, BarSeries bars, Strategy strategy) {
        return priceInput(result, bars, overlays(bars, strategy));
    }

    private static PriceChartInput priceInput(RunResult result, BarSeries bars, List<Overlay> overlays) {
        List<TradeMarker> markers = new ArrayList<>();
        for (Fill fill : result.fills()) {
            if (fill.symbol().equals(bars.symbol())) markers.add(new TradeMarker(fill.time(), fill.price(), fill.side() == Side.BUY));
        }
        // Past a few hundred fills the triangles hide the price; the trades are in trades.jsonl.
        if (markers.size() > MAX_MARKERS) markers = List.of();
        return new PriceChartInput(bars.symbol(), bars, overlays, markers);
    }
}
