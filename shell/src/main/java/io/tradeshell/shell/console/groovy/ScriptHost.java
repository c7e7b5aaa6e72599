package io.tradeshell.shell.console.groovy;

import io.tradeshell.shell.console.data.Dataset;
import io.tradeshell.shell.console.runs.SessionRun;
import java.util.List;
import java.util.Map;

/** What console snippets reach of the session: its data and its runs. */
public interface ScriptHost {
    /**
     * Loads a data file into the session.
     *
     * @param options {@code symbol}, {@code bar} (period of bars built from trades), {@code lenient}, {@code name}
     */
    Dataset load(String file, Map<String, ?> options);

    /**
     * Backtests a strategy script over loaded data (the session's default data when none is
     * given) with the session's settings; {@code params} may override the script's parameters
     * and the settings cash, commission, slippage and fill.
     */
    SessionRun backtest(String script, Map<String, ?> params, List<Dataset> data);
}
