package io.tradeshell.engine.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The performance figures of one run, as defined in {@link MetricsCalculator}. NaN marks a
 * figure that cannot be computed (a Sharpe ratio of a flat curve, a profit factor without
 * losing trades); fractions are plain (0.12 is 12%).
 *
 * @param maxDrawdownDuration longest stretch, in bars, spent below a previous equity peak
 * @param trades              number of closed trades
 */
public record RunMetrics(double finalEquity, double totalReturn, double cagr, double volatility,
                         double sharpe, double sortino, double maxDrawdown, int maxDrawdownDuration,
                         double calmar, int trades, double winRate, double profitFactor,
                         double avgWin, double avgLoss, double expectancy, double exposure,
                         double commissions, double buyAndHoldReturn) {

    /**
     * The figures by name in declaration order, for JSON and tables. A figure that cannot be
     * computed (NaN or infinite) is {@code null}, so no NaN ever reaches an output.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>(32);
        m.put("finalEquity", finite(finalEquity));
        m.put("totalReturn", finite(totalReturn));
        m.put("cagr", finite(cagr));
        m.put("volatility", finite(volatility));
        m.put("sharpe", finite(sharpe));
        m.put("sortino", finite(sortino));
        m.put("maxDrawdown", finite(maxDrawdown));
        m.put("maxDrawdownDuration", maxDrawdownDuration);
        m.put("calmar", finite(calmar));
        m.put("trades", trades);
        m.put("winRate", finite(winRate));
        m.put("profitFactor", finite(profitFactor));
        m.put("avgWin", finite(avgWin));
        m.put("avgLoss", finite(avgLoss));
        m.put("expectancy", finite(expectancy));
        m.put("exposure", finite(exposure));
        m.put("commissions", finite(commissions));
        m.put("buyAndHoldReturn", finite(buyAndHoldReturn));
        return m;
    }

    /**
     * True when the run won and never lost: the profit factor (gross win over gross loss) is
     * then infinite, which {@link #asMap()} cannot carry as a JSON number, so it stays null there
     * and this says why. False without trades, where there is no profit factor at all.
     */
    public boolean profitFactorInfinite() {
        return trades > 0 && Double.isNaN(profitFactor) && avgWin > 0;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
