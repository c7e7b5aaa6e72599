package io.tradeshell.shell.console.groovy;

import groovy.lang.Script;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.shell.console.data.Dataset;
import io.tradeshell.shell.console.runs.SessionRun;
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
    public static final List<String> NAMES = List.of("load", "backtest", "table");

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

    /** {@code bt = backtest('strategies/sma_crossover.groovy', aapl, fast: 5)}. */
    public SessionRun backtest(Map<String, Object> params, String script, Object... data) {
        return host.backtest(script, params, datasets(data));
    }

    public SessionRun backtest(String script, Object... data) {
        return host.backtest(script, Map.of(), datasets(data));
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
            else throw new IllegalArgumentException("backtest takes loaded data (such as aapl) after the script, got "
                    + (d == null ? "null" : d.getClass().getSimpleName() + " " + d));
        }
        return out;
    }
}
