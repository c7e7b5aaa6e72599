package io.tradeshell.engine.risk;

import java.util.Set;

/**
 * The limits one risk layer enforces in every mode. A NaN (or empty set, or 0 for the stale
 * limit) leaves that limit off.
 *
 * @param maxPositionPct   largest position in one symbol as a fraction of equity (0.25 = 25%)
 * @param maxLeverage      largest gross exposure over equity (1.0 = no leverage)
 * @param maxOrderNotional largest value of one order, in account currency
 * @param allowedSymbols   symbols that may be traded; empty allows all
 * @param staleAfterMillis refuse new exposure when the symbol's last price is older than this
 * @param dailyLossLimit   a loss over the day, as a fraction of the day's starting equity, that stops new entries until the next day
 * @param maxDrawdown      a drawdown from the equity peak, as a fraction, that halts trading and flattens
 */
public record RiskLimits(double maxPositionPct, double maxLeverage, double maxOrderNotional, Set<String> allowedSymbols,
                         long staleAfterMillis, double dailyLossLimit, double maxDrawdown) {
    public RiskLimits {
        allowedSymbols = Set.copyOf(allowedSymbols);
        if (staleAfterMillis < 0) throw new IllegalArgumentException("stale-data limit must be >= 0");
    }

    public static RiskLimits none() {
        return new RiskLimits(Double.NaN, Double.NaN, Double.NaN, Set.of(), 0, Double.NaN, Double.NaN);
    }

    public RiskLimits withMaxPositionPct(double v) { return new RiskLimits(v, maxLeverage, maxOrderNotional, allowedSymbols, staleAfterMillis, dailyLossLimit, maxDrawdown); }
    public RiskLimits withMaxLeverage(double v) { return new RiskLimits(maxPositionPct, v, maxOrderNotional, allowedSymbols, staleAfterMillis, dailyLossLimit, maxDrawdown); }
    public RiskLimits withMaxOrderNotional(double v) { return new RiskLimits(maxPositionPct, maxLeverage, v, allowedSymbols, staleAfterMillis, dailyLossLimit, maxDrawdown); }
    public RiskLimits withAllowedSymbols(Set<String> v) { return new RiskLimits(maxPositionPct, maxLeverage, maxOrderNotional, v, staleAfterMillis, dailyLossLimit, maxDrawdown); }
    public RiskLimits withStaleAfterMillis(long v) { return new RiskLimits(maxPositionPct, maxLeverage, maxOrderNotional, allowedSymbols, v, dailyLossLimit, maxDrawdown); }
    public RiskLimits withDailyLossLimit(double v) { return new RiskLimits(maxPositionPct, maxLeverage, maxOrderNotional, allowedSymbols, staleAfterMillis, v, maxDrawdown); }
    public RiskLimits withMaxDrawdown(double v) { return new RiskLimits(maxPositionPct, maxLeverage, maxOrderNotional, allowedSymbols, staleAfterMillis, dailyLossLimit, v); }

    public boolean isNone() { return equals(none()); }

    /** These limits with every limit {@code other} sets taking its place. */
    public RiskLimits overriddenBy(RiskLimits other) {
        return new RiskLimits(
                Double.isNaN(other.maxPositionPct) ? maxPositionPct : other.maxPositionPct,
                Double.isNaN(other.maxLeverage) ? maxLeverage : other.maxLeverage,
                Double.isNaN(other.maxOrderNotional) ? maxOrderNotional : other.maxOrderNotional,
                other.allowedSymbols.isEmpty() ? allowedSymbols : other.allowedSymbols,
                other.staleAfterMillis == 0 ? staleAfterMillis : other.staleAfterMillis,
                Double.isNaN(other.dailyLossLimit) ? dailyLossLimit : other.dailyLossLimit,
                Double.isNaN(other.maxDrawdown) ? maxDrawdown : other.maxDrawdown);
    }
}
