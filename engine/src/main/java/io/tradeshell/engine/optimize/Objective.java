package io.tradeshell.engine.optimize;

import io.tradeshell.engine.metrics.RunMetrics;
import java.util.List;
import java.util.Set;

/**
 * The run metric a sweep ranks by, and which way is better: higher for returns and ratios,
 * lower for drawdown, volatility, drawdown duration and commissions. A combination whose
 * figure cannot be computed (NaN, such as a Sharpe ratio without trades) ranks last.
 */
public record Objective(String metric, boolean higherIsBetter) {
    /** Every metric of {@link RunMetrics}, by its name in outputs. */
    public static final List<String> METRICS = List.of("finalEquity", "totalReturn", "cagr", "volatility", "sharpe", "sortino",
            "maxDrawdown", "maxDrawdownDuration", "calmar", "trades", "winRate", "profitFactor", "avgWin", "avgLoss",
            "expectancy", "exposure", "commissions", "buyAndHoldReturn");
    private static final Set<String> LOWER_IS_BETTER = Set.of("maxDrawdown", "maxDrawdownDuration", "volatility", "commissions");

    public static final Objective SHARPE = new Objective("sharpe", true);

    public Objective {
        if (!METRICS.contains(metric)) {
            throw new IllegalArgumentException("unknown objective '" + metric + "' (one of: " + String.join(", ", METRICS) + ")");
        }
    }

    /** An objective by metric name, with its natural direction. */
    public static Objective parse(String metric) {
        String m = metric == null ? "" : metric.trim();
        if (!METRICS.contains(m)) {
            throw new IllegalArgumentException("unknown objective '" + m + "' (one of: " + String.join(", ", METRICS) + ")");
        }
        return new Objective(m, !LOWER_IS_BETTER.contains(m));
    }

    /** The metric's value in {@code m}; NaN where it cannot be computed. */
    public double value(RunMetrics m) {
        return switch (metric) {
            case "finalEquity" -> m.finalEquity();
            case "totalReturn" -> m.totalReturn();
            case "cagr" -> m.cagr();
            case "volatility" -> m.volatility();
            case "sharpe" -> m.sharpe();
            case "sortino" -> m.sortino();
            case "maxDrawdown" -> m.maxDrawdown();
            case "maxDrawdownDuration" -> m.maxDrawdownDuration();
            case "calmar" -> m.calmar();
            case "trades" -> m.trades();
            case "winRate" -> m.winRate();
            case "profitFactor" -> m.profitFactor();
            case "avgWin" -> m.avgWin();
            case "avgLoss" -> m.avgLoss();
            case "expectancy" -> m.expectancy();
            case "exposure" -> m.exposure();
            case "commissions" -> m.commissions();
            default -> m.buyAndHoldReturn();
        };
    }

    /**
     * Orders two objective values, the better first: negative when {@code a} is better. Values
     * that cannot be computed (NaN, infinite) come after every finite one.
     */
    public int compare(double a, double b) {
        boolean fa = Double.isFinite(a), fb = Double.isFinite(b);
        if (fa != fb) return fa ? -1 : 1;
        if (!fa) return 0;
        return higherIsBetter ? Double.compare(b, a) : Double.compare(a, b);
    }

    /** "higher is better" or "lower is better", for tables. */
    public String direction() {
        return higherIsBetter ? "higher is better" : "lower is better";
    }

    @Override
    public String toString() {
        return metric + " (" + direction() + ")";
    }
}
