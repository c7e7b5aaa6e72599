package io.tradeshell.shell.console.chart;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.report.chart.ChartFormat;
import io.tradeshell.report.chart.ChartWriter;
import io.tradeshell.report.chart.DrawdownChart;
import io.tradeshell.report.chart.EquityChart;
import io.tradeshell.report.chart.EquityChartInput;
import io.tradeshell.report.chart.PriceChart;
import io.tradeshell.report.chart.PriceChartInput;
import io.tradeshell.report.chart.TradeMarker;
import io.tradeshell.report.text.TextChart;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.view.Numbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/** A run's charts drawn by the report module: PNG files with XChart, and braille text charts. */
public final class ReportCharts implements ChartRenderer {
    private static final int MAX_MARKERS = 400;

    @Override
    public void writePng(SessionRun run, ChartKind kind, Path file) throws IOException {
        RunResult r = run.result();
        if (r.curve().equity().length == 0) throw new IllegalArgumentException("run #" + run.id() + " has no bars to chart");
        Chart<?, ?> chart = switch (kind) {
            case PRICE -> PriceChart.render(run.price().orElseGet(() -> price(r)));
            case EQUITY -> EquityChart.render(new EquityChartInput(r.curve().time(), r.curve().equity(), r.benchmark()));
            case DRAWDOWN -> DrawdownChart.render(r.curve().time(), r.curve().equity());
        };
        String name = file.getFileName().toString().replaceFirst("\\.png$", "");
        Path written = ChartWriter.write(chart, file.resolveSibling(name), ChartFormat.PNG);
        if (!written.equals(file)) Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The price chart without the strategy's overlays: the data's bars and the run's fills. */
    private static PriceChartInput price(RunResult r) {
        BarSeries bars = r.spec().data().get(0).bars();
        List<TradeMarker> markers = new ArrayList<>();
        for (Fill f : r.fills()) {
            if (f.symbol().equals(bars.symbol())) markers.add(new TradeMarker(f.time(), f.price(), f.side() == Side.BUY));
        }
        return new PriceChartInput(bars.symbol(), bars, List.of(), markers.size() > MAX_MARKERS ? List.of() : markers);
    }

    @Override
    public String text(SessionRun run, ChartKind kind, int width, int height) {
        RunResult r = run.result();
        double[] values;
        long[] times = r.curve().time();
        String what;
        switch (kind) {
            case PRICE -> {
                BarSeries bars = r.spec().data().get(0).bars();
                values = new double[bars.size()];
                times = new long[bars.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = bars.close(i);
                    times[i] = bars.openTime(i);
                }
                what = bars.symbol() + " close, " + Numbers.value(values.length == 0 ? Double.NaN : values[0]) + " -> "
                        + Numbers.value(values.length == 0 ? Double.NaN : values[values.length - 1]);
            }
            case EQUITY -> {
                values = r.curve().equity();
                what = "equity, " + Numbers.money(values.length == 0 ? Double.NaN : values[0]) + " -> "
                        + Numbers.money(values.length == 0 ? Double.NaN : values[values.length - 1]);
            }
            default -> {
                values = drawdownPercent(r.curve().equity());
                double worst = 0;
                for (double v : values) worst = Math.min(worst, v);
                what = "drawdown in %, worst " + Numbers.fixed(worst, 2) + "%";
            }
        }
        // the axis labels come on top of the plot's width: draw again narrower if they push past it
        String chart = TextChart.render(values, times, width, height);
        int widest = chart.lines().mapToInt(String::length).max().orElse(0);
        if (widest > width && width - (widest - width) >= 10) chart = TextChart.render(values, times, width - (widest - width), height);
        return what + "\n" + chart;
    }

    /** Equity below its running peak, in percent (0 at a new high, negative below it). */
    static double[] drawdownPercent(double[] equity) {
        double[] out = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            out[i] = peak > 0 ? 100 * (equity[i] / peak - 1) : 0;
        }
        return out;
    }
}
