package io.tradeshell.shell.console.groovy;

import groovy.lang.Script;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.shell.console.data.Dataset;
import io.tradeshell.shell.console.chart.Figures;
import io.tradeshell.shell.console.modes.Parity;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.sweeps.Sweep;
import io.tradeshell.shell.console.sweeps.WalkForwardRun;
import io.tradeshell.shell.console.view.RowTable;
import io.tradeshell.shell.console.view.SeriesTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base class of every console snippet: the words that reach the session ({@code load},
 * {@code backtest}, {@code table}); the indicator words come from {@link Words}.
 */
public abstract class ConsoleScript extends Script {
    /** The session words, for completion and help. */
    public static final List<String> NAMES = List.of("load", "loadAll", "backtest", "table", "optimize", "walkforward", "parity", "chart", "plot");

    private ScriptHost host;

    final void attach(ScriptHost host) {
        this.host = host;
    }

    /** {@code aapl = load('data/aapl_daily_2013.csv')}. */
    public Dataset load(String file) {
        return host.load(file, Map.of());
    }

    /** {@code btc = load('data/btc.csv', bar: '15m', symbol: 'BTC', lenient: true)}. */
    public Dataset load(Map<String, Object> options, String file) {
        return host.load(file, options);
    }

    /** {@code sectors = loadAll('data/sectors/*.json')}: one dataset per file, for {@code backtest(script, sectors)}. */
    public List<Dataset> loadAll(String files) {
        return host.loadAll(files, Map.of());
    }

    public List<Dataset> loadAll(Map<String, Object> options, String files) {
        return host.loadAll(files, options);
    }

    /** {@code bt = backtest('strategies/sma_crossover.groovy', aapl, fast: 5)}. */
    public SessionRun backtest(Map<String, Object> params, String script, Object... data) {
        return host.backtest(script, params, datasets(data));
    }

    public SessionRun backtest(String script, Object... data) {
        return host.backtest(script, Map.of(), datasets(data));
    }

    /**
     * {@code sweep = optimize('strategies/sma_crossover.groovy', aapl, fast: 5..50, slow: [20, 30, 50], constraint: 'fast < slow')}:
     * every combination as an in-memory backtest, ranked. A param takes a range, a list,
     * {@code (5..50).step(5)}, a text such as {@code '5..50:5'} or one value.
     */
    public Sweep optimize(Map<String, Object> args, String script, Object... data) {
        return host.optimize(script, args, datasets(data));
    }

    /** {@code wf = walkforward('sma_crossover', aapl, fast: 5..20, slow: [30, 50], train: '6m', test: '1m')}. */
    public WalkForwardRun walkforward(Map<String, Object> args, String script, Object... data) {
        return host.walkforward(script, args, datasets(data));
    }

    /**
     * {@code p = parity('sma_crossover', btc, latencyMs: 60000, rejectProb: 0.1)}: the script as a
     * backtest, a simulated live run and a paper session on the same data, compared trade by trade.
     */
    public Parity parity(Map<String, Object> args, String script, Object... data) {
        return host.parity(script, args, datasets(data));
    }

    public Parity parity(String script, Object... data) {
        return host.parity(script, Map.of(), datasets(data));
    }

    /**
     * Draws a chart: {@code chart(bt)}, {@code chart(bt, 'price')}, {@code chart(bt1, bt2)},
     * {@code chart(sweep)}, {@code chart(sweep, 'fast', 'slow')}, {@code chart(wf)}. It shows on
     * the screen, or goes into the report when a notebook runs.
     */
    public void chart(Object... args) {
        host.show(Figures.chart(host.charts(), Map.of(), args));
    }

    /** Runs compared under names: {@code chart(open: bt1, close: bt2, title: 'Fill timing')}. */
    public void chart(Map<String, Object> named, Object... args) {
        host.show(Figures.chart(host.charts(), named, args));
    }

    /** {@code plot(btc)}, {@code plot(btc, sma(btc, 20))}: the price with indicators over it; {@code plot(rsi(btc, 14))}: lines over time. */
    public void plot(Object... series) {
        host.show(Plots.plot(Map.of(), series));
    }

    /** Named lines and a title: {@code plot(title: 'Volatility', '15m': v15, '1h': v60)}. */
    public void plot(Map<String, Object> named, Object... series) {
        host.show(Plots.plot(named, series));
    }

    /** Indicators side by side, named by their own text: {@code table(aapl.close, sma(aapl, 10))}. */
    public SeriesTable table(Object... columns) {
        List<String> names = new ArrayList<>();
        List<Indicator> indicators = new ArrayList<>();
        for (Object c : columns) {
            Indicator i = Words.input(c);
            names.add(i.toString());
            indicators.add(i);
        }
        return new SeriesTable(names, indicators);
    }

    /**
     * Rows a snippet built, as maps: {@code table([[period: '1m', bars: 9399], [period: '1h', bars: 160]])};
     * a list of indicators is a table of those indicators side by side.
     */
    public Object table(List<?> rows) {
        if (!rows.isEmpty() && rows.stream().noneMatch(Map.class::isInstance)) return table(rows.toArray());
        return RowTable.of(rows);
    }

    /** Named columns: {@code table(close: aapl.close, rsi: r)}. */
    public SeriesTable table(Map<String, Object> named) {
        Map<String, Object> ordered = new LinkedHashMap<>(named);
        List<Indicator> indicators = new ArrayList<>();
        for (Object c : ordered.values()) indicators.add(Words.input(c));
        return new SeriesTable(new ArrayList<>(ordered.keySet()), indicators);
    }

    private static List<Dataset> datasets(Object[] data) {
        List<Dataset> out = new ArrayList<>();
        for (Object d : data) {
            if (d instanceof Dataset ds) out.add(ds);
            else if (d instanceof Collection<?> c) for (Object o : c) out.addAll(datasets(new Object[] {o}));
            else throw new IllegalArgumentException("give loaded data (such as aapl) after the script, got "
                    + (d == null ? "null" : d.getClass().getSimpleName() + " " + d));
        }
        return out;
    }
}
