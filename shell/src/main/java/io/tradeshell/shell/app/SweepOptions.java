package io.tradeshell.shell.app;

import io.tradeshell.engine.optimize.Constraint;
import io.tradeshell.engine.optimize.Objective;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.Search;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of a parameter sweep, shared by {@code optimize} and {@code walkforward}. */
public final class SweepOptions {
    @Option(names = "--objective", defaultValue = "sharpe", paramLabel = "METRIC",
            description = "The metric to rank by: sharpe (default), sortino, totalReturn, cagr, calmar, profitFactor, expectancy, winRate, maxDrawdown (lower is better), ...")
    public String objective = "sharpe";

    @Option(names = "--search", defaultValue = "grid", paramLabel = "KIND", description = "grid (default: every combination) or random (with --samples).")
    public String search = "grid";

    @Option(names = "--samples", paramLabel = "N", description = "Combinations to draw for --search random.")
    public Integer samples;

    @Option(names = "--sample-seed", defaultValue = "1", paramLabel = "SEED", description = "Seed of --search random (default 1).")
    public long sampleSeed = 1;

    @Option(names = "--constraint", paramLabel = "EXPR", description = "Skip combinations that fail it, e.g. 'fast < slow' or 'slow >= 2 * fast && stop < 10'.")
    public String constraint;

    @Option(names = "--threads", paramLabel = "N", description = "Backtests run at once (default: every core).")
    public Integer threads;

    @Option(names = "--resume", description = "Continue the sweep already in --out DIR, skipping the combinations it holds.")
    public boolean resume;

    @Option(names = "--min-trades", defaultValue = "" + OptimizeRequest.DEFAULT_MIN_TRADES, paramLabel = "N",
            description = "Warn when the best result rests on fewer trades (default 30).")
    public int minTrades = OptimizeRequest.DEFAULT_MIN_TRADES;

    @Option(names = "--top", defaultValue = "" + OptimizeRequest.DEFAULT_TOP, paramLabel = "N", description = "Rows in the ranked table (default 10).")
    public int top = OptimizeRequest.DEFAULT_TOP;

    @Option(names = "--chart-params", split = ",", paramLabel = "X[,Y]",
            description = "Params to chart: two for a heatmap, one for a line chart (default: the first two swept, or the one).")
    public List<String> chartParams = new ArrayList<>();

    public Objective objective() { return Objective.parse(objective); }

    public Search search() { return Search.parse(search, samples, sampleSeed); }

    public Constraint constraint() { return Constraint.parse(constraint); }

    public int threads() { return threads != null ? threads : Runtime.getRuntime().availableProcessors(); }

    /** The settings these options ask for; a metric, search or constraint that does not read fails naming it. */
    public SweepSettings settings() {
        return new SweepSettings(objective(), search(), constraint(), threads(), resume, minTrades, top);
    }
}
