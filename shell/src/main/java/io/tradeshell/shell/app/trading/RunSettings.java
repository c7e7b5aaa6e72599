package io.tradeshell.shell.app.trading;

import io.tradeshell.engine.data.BarPeriods;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.learning.SavedModels;
import io.tradeshell.engine.paper.SessionConfig;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.strategy.ExitPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run of a strategy is asked for, whichever front end asked: the use cases take this,
 * and the command lines that parse options produce it.
 *
 * @param data          data files or globs as given, {@code [SYMBOL=]FILE}; empty for the bundled default
 * @param params        parameter overrides ({@code NAME=VALUE}) or, for a sweep, ranges
 * @param bar           the bar period for trade ticks as given ({@code 5m}), if any
 * @param lenient       skip bad data rows instead of failing
 * @param stopLossPct   a stop-loss in percent on every position unless the script sets one; NaN for none
 * @param takeProfitPct a take-profit in percent likewise; NaN for none
 * @param out           where the outputs go; empty for the default folder
 * @param chartFormat   png or svg; empty for no charts
 * @param trust         run outside the sandbox
 * @param barBudget     the longest a script's block may take for one bar
 */
public record RunSettings(List<String> data, List<String> params, Optional<String> bar, boolean lenient, double cash, double lot,
                          ExecutionSettings execution, RiskLimits risk, double stopLossPct, double takeProfitPct, Optional<Path> out,
                          Optional<String> chartFormat, SavedModels models, boolean trust, Duration barBudget) {
    public RunSettings {
        data = List.copyOf(data);
        params = List.copyOf(params);
    }

    /** The parameter overrides by name; fails on an entry that is not {@code NAME=VALUE}. */
    public Map<String, Object> paramOverrides() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--param needs NAME=VALUE, got '" + p + "'");
            out.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        return out;
    }

    public Optional<Duration> barPeriod() {
        return bar.map(BarPeriods::parse);
    }

    /** The stop-loss and take-profit every position gets unless the script sets its own. */
    public ExitPlan exits() {
        return SessionConfig.exitPlan(stopLossPct, takeProfitPct);
    }

    public List<String> dataOrDefault(Path home) {
        if (!data.isEmpty()) return data;
        return List.of(home.resolve("data/aapl_daily_2013.csv").toString());
    }
}
