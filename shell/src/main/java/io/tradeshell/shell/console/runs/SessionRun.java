package io.tradeshell.shell.console.runs;

import io.tradeshell.engine.metrics.RunMetrics;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.report.chart.PriceChartInput;
import io.tradeshell.shell.console.view.Numbers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A run made in this session, numbered in order: its result and, for {@code run}, the folder
 * its output files went to. Groovy sees {@code bt.metrics.sharpe}, {@code bt.trades}, {@code bt.equity}.
 */
public final class SessionRun {
    private final int id;
    private final RunResult result;
    private final Optional<Path> dir;
    private final Optional<PriceChartInput> price;

    /** @param price the price chart as the run saw it (with the strategy's overlays), when it was kept */
    public SessionRun(int id, RunResult result, Optional<Path> dir, Optional<PriceChartInput> price) {
        this.id = id;
        this.result = result;
        this.dir = dir;
        this.price = price;
    }

    /** The price chart's input kept from the run itself, with the strategy's overlays. */
    public Optional<PriceChartInput> price() { return price; }

    public int id() { return id; }

    public RunResult result() { return result; }

    /** The folder of the run's output files, if it wrote any. */
    public Optional<Path> dir() { return dir; }

    /** {@code #2 SMA crossover fast=5 on AAPL}. */
    public String label() {
        String params = result.spec().strategy().params().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        String symbols = String.join(",", result.spec().symbols());
        return "#" + id + " " + result.name() + (params.isEmpty() ? "" : " " + params) + " on " + symbols;
    }

    // ---- what Groovy sees ----------------------------------------------------------------

    public int getId() { return id; }
    public String getName() { return result.name(); }
    public RunMetrics getMetrics() { return result.metrics(); }
    public List<ClosedTrade> getTrades() { return result.trades(); }
    public Map<String, Object> getParams() { return result.spec().strategy().params(); }
    public RunResult getResult() { return result; }
    public double[] getEquity() { return result.curve().equity().clone(); }
    public List<String> getSymbols() { return result.spec().data().stream().map(DataInput::symbol).toList(); }
    public String getDir() { return dir.map(Path::toString).orElse(null); }

    /** One line: the run and its headline figures. */
    @Override
    public String toString() {
        RunMetrics m = result.metrics();
        if (m == null) return label() + ": no bars were processed";
        return label() + ": return " + Numbers.percent(m.totalReturn()) + ", sharpe " + ratio(m.sharpe())
                + ", max drawdown " + Numbers.percent(m.maxDrawdown()) + ", " + m.trades() + " trade" + (m.trades() == 1 ? "" : "s")
                + (result.stoppedEarly() ? " (stopped early)" : "");
    }

    private static String ratio(double v) {
        return Double.isFinite(v) ? Numbers.fixed(v, 2) : "n/a";
    }
}
