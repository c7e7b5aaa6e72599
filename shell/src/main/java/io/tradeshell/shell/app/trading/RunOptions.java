package io.tradeshell.shell.app.trading;

import io.tradeshell.engine.data.BarPeriods;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.learning.ModelFolder;
import io.tradeshell.engine.learning.SavedModels;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.tca.MeasuredSlippage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options every command that runs a strategy shares: data, params, costs, fills, risk, outputs. */
public final class RunOptions {
    @Option(names = "--data", paramLabel = "[SYMBOL=]FILE", description = "Bar CSV, JSON bars or trade-tick CSV; repeat for several symbols (default: data/aapl_daily_2013.csv).")
    public List<String> data = new ArrayList<>();

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "Override a script parameter; repeatable.")
    public List<String> params = new ArrayList<>();

    @Option(names = "--bar", paramLabel = "PERIOD", description = "Bar period for trade-tick files: 30s, 1m, 5m, 15m, 1h, 1d (default 1m).")
    public String bar;

    @Option(names = "--fill", paramLabel = "TIMING", defaultValue = "next-open", description = "next-open (default, realistic) or close (optimistic).")
    public String fill = "next-open";

    @Option(names = "--commission", paramLabel = "SPEC", defaultValue = "0.001", description = "0.001 (0.1%% of notional), pct:0.001, share:0.005:1 (per unit, min 1) or order:1 (default 0.001).")
    public String commission = "0.001";

    @Option(names = "--slippage-bps", paramLabel = "BPS", defaultValue = "5", description = "Slippage against every market/stop fill, in basis points (default 5).")
    public double slippageBps = 5;

    @Option(names = "--slippage-from", paramLabel = "RUN_OR_ACCOUNT", description = "Take the slippage from what a run or paper account measured: the median of its tca.jsonl's startSlippageBps over filled orders (a run folder, a tca.jsonl, or a paper account's name); replaces --slippage-bps and says so in the assumptions.")
    public String slippageFrom;

    @Option(names = "--cash", defaultValue = "100000", description = "Starting cash (default 100000).")
    public double cash = 100_000;

    @Option(names = "--lot", defaultValue = "1", description = "Round sized quantities down to this lot (default 1; use 0 for fractional units).")
    public double lot = 1;

    @Option(names = "--lenient", description = "Skip bad data rows (and say which) instead of failing.")
    public boolean lenient;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default runs/NAME-TIMESTAMP).")
    public Path out;

    @Option(names = "--no-charts", description = "Do not render charts.")
    public boolean noCharts;

    @Option(names = "--chart-format", defaultValue = "png", description = "png (default) or svg.")
    public String chartFormat = "png";

    @Option(names = "--latency-ms", defaultValue = "0", description = "Paper realism: orders become active this long after they are sent.")
    public long latencyMs;

    @Option(names = "--volume-share", defaultValue = "0", description = "Paper realism: a fill takes at most this share (0..1] of a bar's or tick's volume; 0 = no cap.")
    public double volumeShare;

    @Option(names = "--reject-prob", defaultValue = "0", description = "Paper realism: probability that the broker rejects a new order.")
    public double rejectProbability;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for random rejections.")
    public long seed = 1;

    @Option(names = "--max-position-pct", paramLabel = "FRACTION", description = "Risk: largest position per symbol as a fraction of equity.")
    public Double maxPositionPct;

    @Option(names = "--max-leverage", description = "Risk: largest gross exposure over equity.")
    public Double maxLeverage;

    @Option(names = "--max-order-notional", description = "Risk: largest value of one order.")
    public Double maxOrderNotional;

    @Option(names = "--allowed-symbols", split = ",", description = "Risk: the only symbols that may be traded.")
    public List<String> allowedSymbols = new ArrayList<>();

    @Option(names = "--stale-after", paramLabel = "PERIOD", description = "Risk: refuse new exposure when the last price is older than this (e.g. 5m).")
    public String staleAfter;

    @Option(names = "--daily-loss-limit", paramLabel = "FRACTION", description = "Risk: stop new entries for the day after this loss.")
    public Double dailyLossLimit;

    @Option(names = "--max-drawdown", paramLabel = "FRACTION", description = "Risk: halt and flatten at this drawdown from the peak.")
    public Double maxDrawdown;

    @Option(names = "--stop-loss", paramLabel = "PCT", description = "Risk: a stop-loss this many percent below a long entry (above a short one) on every position, unless the script sets its own (e.g. 5 for 5%%).")
    public Double stopLossPct;

    @Option(names = "--take-profit", paramLabel = "PCT", description = "Risk: a take-profit this many percent beyond the entry on every position, unless the script sets its own.")
    public Double takeProfitPct;

    @Option(names = "--models", paramLabel = "RUN_DIR", description = "Reuse the models a run saved (its folder, or its models folder) instead of training them: each retraining loads the model saved for it, checked against its SHA-256 and features.")
    public Path models;

    /** The saved models this run reuses, or none. */
    public SavedModels savedModels() {
        if (models == null) return SavedModels.NONE;
        try {
            return ModelFolder.open(models);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--models " + e.getMessage(), e);
        }
    }

    @Option(names = "--trust", description = "Run the script outside the strategy sandbox, with full access to files, the network and the JVM (for your own scripts that need it; the run's assumptions say so).")
    public boolean trust;

    @Option(names = "--bar-budget", paramLabel = "TIME", defaultValue = "1s", description = "Longest a script's onBar (or onTick) may take for one bar before the run stops with a script error (default 1s).")
    public String barBudget = "1s";

    /** The per-bar time budget of the script's blocks. */
    public Duration barBudget() {
        return io.tradeshell.dsl.StrategyCompiler.parseBarBudget(barBudget);
    }

    /** The settings these options ask for, each value checked (a bad one fails naming its option). */
    public RunSettings settings() {
        return new RunSettings(data, params, Optional.ofNullable(bar), lenient, cash, lot, execution(), risk(), stopLossPctOrNaN(),
                takeProfitPctOrNaN(), Optional.ofNullable(out), noCharts ? Optional.empty() : Optional.of(chartFormat), savedModels(), trust,
                barBudget());
    }

    public ExecutionSettings execution() {
        if (!(slippageBps >= 0)) throw new IllegalArgumentException("--slippage-bps must be >= 0, got " + slippageBps);
        Slippage slippage = slippageFrom == null ? new Slippage(slippageBps) : MeasuredSlippage.from(measuredIn(slippageFrom));
        return new ExecutionSettings(FillTiming.parse(fill), CommissionModel.parse(commission), slippage,
                latencyMs, volumeShare, rejectProbability, seed);
    }

    /** A run's folder or file as given, else the paper account of that name. */
    private static Path measuredIn(String source) {
        Path p = Path.of(source);
        if (java.nio.file.Files.exists(p)) return p;
        Path account = PaperHome.userDefault().accounts().resolve(source);
        return java.nio.file.Files.isDirectory(account) ? account : p;
    }

    public RiskLimits risk() {
        RiskLimits r = RiskLimits.none();
        if (maxPositionPct != null) r = r.withMaxPositionPct(maxPositionPct);
        if (maxLeverage != null) r = r.withMaxLeverage(maxLeverage);
        if (maxOrderNotional != null) r = r.withMaxOrderNotional(maxOrderNotional);
        if (!allowedSymbols.isEmpty()) r = r.withAllowedSymbols(Set.copyOf(allowedSymbols));
        if (staleAfter != null) r = r.withStaleAfterMillis(BarPeriods.parse(staleAfter).toMillis());
        if (dailyLossLimit != null) r = r.withDailyLossLimit(dailyLossLimit);
        if (maxDrawdown != null) r = r.withMaxDrawdown(maxDrawdown);
        return r;
    }

    public double stopLossPctOrNaN() { return pct("--stop-loss", stopLossPct); }

    public double takeProfitPctOrNaN() { return pct("--take-profit", takeProfitPct); }

    private static double pct(String option, Double value) {
        if (value == null) return Double.NaN;
        if (!(value > 0 && value < 100)) throw new IllegalArgumentException(option + " is a percentage between 0 and 100 (5 for 5%), got " + value);
        return value;
    }

}
