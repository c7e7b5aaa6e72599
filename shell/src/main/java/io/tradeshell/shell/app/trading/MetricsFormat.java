package io.tradeshell.shell.app.trading;

import io.tradeshell.engine.metrics.RunMetrics;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How metrics read on a terminal: fractions as percentages, money with two decimals, n/a for null, ∞ for a profit factor without losses. */
public final class MetricsFormat {
    private static final Set<String> PERCENT = Set.of("totalReturn", "cagr", "volatility", "maxDrawdown", "winRate", "exposure", "buyAndHoldReturn");
    private static final Set<String> MONEY = Set.of("finalEquity", "avgWin", "avgLoss", "expectancy", "commissions");
    private static final Set<String> COUNT = Set.of("trades", "maxDrawdownDuration");
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("finalEquity", "Final equity"), Map.entry("totalReturn", "Total return"), Map.entry("cagr", "CAGR"),
            Map.entry("volatility", "Volatility (ann.)"), Map.entry("sharpe", "Sharpe"), Map.entry("sortino", "Sortino"),
            Map.entry("maxDrawdown", "Max drawdown"), Map.entry("maxDrawdownDuration", "Max DD duration (bars)"),
            Map.entry("calmar", "Calmar"), Map.entry("trades", "Trades"), Map.entry("winRate", "Win rate"),
            Map.entry("profitFactor", "Profit factor"), Map.entry("avgWin", "Avg win"), Map.entry("avgLoss", "Avg loss"),
            Map.entry("expectancy", "Expectancy"), Map.entry("exposure", "Exposure"), Map.entry("commissions", "Commissions"),
            Map.entry("buyAndHoldReturn", "Buy & hold return"));

    /** An infinite profit factor: no losing trades. */
    public static final String INFINITE = "∞";

    private MetricsFormat() { }

    public static String label(String key) {
        return LABELS.getOrDefault(key, key);
    }

    /**
     * The figures of a run as tables show them: {@link RunMetrics#asMap()}, with an infinite
     * profit factor (wins and no losses) as infinity rather than null, so it reads "∞", not "n/a".
     */
    public static Map<String, Object> shown(RunMetrics m) {
        Map<String, Object> shown = m.asMap();
        if (m.profitFactorInfinite()) shown.put("profitFactor", Double.POSITIVE_INFINITY);
        return shown;
    }

    public static String value(String key, Object v) {
        if (v == null) return "n/a";
        if (!(v instanceof Number n)) return String.valueOf(v);
        double d = n.doubleValue();
        if (d == Double.POSITIVE_INFINITY && key.equals("profitFactor")) return INFINITE;
        if (!Double.isFinite(d)) return "n/a";
        if (PERCENT.contains(key)) return String.format(Locale.ROOT, "%.2f%%", 100 * d);
        if (MONEY.contains(key)) return String.format(Locale.ROOT, "%,.2f", d);
        if (COUNT.contains(key)) return String.format(Locale.ROOT, "%,d", Math.round(d));
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
