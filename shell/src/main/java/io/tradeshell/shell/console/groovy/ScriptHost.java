package io.tradeshell.shell.console.groovy;

import io.tradeshell.shell.console.chart.ChartRenderer;
import io.tradeshell.shell.console.chart.Figure;
import io.tradeshell.shell.console.data.Dataset;
import io.tradeshell.shell.console.modes.Parity;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.sweeps.Sweep;
import io.tradeshell.shell.console.sweeps.WalkForwardRun;
import java.util.List;
import java.util.Map;

/** What console snippets reach of the session: its data, its runs, its sweeps and its charts. */
public interface ScriptHost {
    /**
     * Loads a data file into the session.
     *
     * @param options {@code symbol}, {@code bar} (period of bars built from trades), {@code lenient}, {@code name}
     */
    Dataset load(String file, Map<String, ?> options);

    /** Loads every data file of a folder or glob ({@code data/sectors/*.json}), each under its symbol's name. */
    List<Dataset> loadAll(String files, Map<String, ?> options);

    /**
     * Backtests a strategy script over loaded data (the session's default data when none is
     * given) with the session's settings; {@code params} may override the script's parameters
     * and the settings cash, commission, slippage and fill.
     */
    SessionRun backtest(String script, Map<String, ?> params, List<Dataset> data);

    /**
     * Sweeps a script's params over loaded data, in memory: {@code args} gives each swept param
     * its values and may set the sweep's options and the run settings (see {@code SweepArgs}).
     */
    Sweep optimize(String script, Map<String, ?> args, List<Dataset> data);

    /** A walk-forward, in memory: the arguments of {@link #optimize} plus {@code train:}, {@code test:} and {@code anchored:}. */
    WalkForwardRun walkforward(String script, Map<String, ?> args, List<Dataset> data);

    /**
     * The script as a backtest, a simulated live run and a paper session on the same data (the
     * session's default data when none is given), compared trade by trade; {@code args} may set
     * params, run settings and the paper session's realism (see {@code ParityArgs}).
     */
    Parity parity(String script, Map<String, ?> args, List<Dataset> data);

    /** Draws the charts of runs. */
    ChartRenderer charts();

    /** Shows a chart the way this session shows charts: on the screen, or in a notebook's report. */
    void show(Figure figure);
}
