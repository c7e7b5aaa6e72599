package io.tradeshell.dsl;

import io.tradeshell.engine.data.BarPeriods;
import io.tradeshell.engine.risk.RiskLimits;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Reads a script's {@code risk ...} declaration into engine risk limits, naming any unknown key. */
final class RiskWords {
    private RiskWords() { }

    static RiskLimits from(Map<String, Object> limits, RiskLimits start) {
        RiskLimits r = start;
        for (var e : limits.entrySet()) {
            Object v = e.getValue();
            r = switch (e.getKey()) {
                case "maxPositionPct" -> r.withMaxPositionPct(number(e.getKey(), v));
                case "maxLeverage" -> r.withMaxLeverage(number(e.getKey(), v));
                case "maxOrderNotional" -> r.withMaxOrderNotional(number(e.getKey(), v));
                case "dailyLossLimit" -> r.withDailyLossLimit(number(e.getKey(), v));
                case "maxDrawdown" -> r.withMaxDrawdown(number(e.getKey(), v));
                case "staleAfter" -> r.withStaleAfterMillis(BarPeriods.parse(String.valueOf(v)).toMillis());
                case "allowedSymbols" -> r.withAllowedSymbols(symbols(v));
                default -> throw new IllegalArgumentException("risk has no limit '" + e.getKey()
                        + "' (use maxPositionPct, maxLeverage, maxOrderNotional, allowedSymbols, staleAfter, dailyLossLimit, maxDrawdown)");
            };
        }
        return r;
    }

    private static double number(String name, Object v) {
        if (v instanceof Number n && n.doubleValue() > 0) return n.doubleValue();
        throw new IllegalArgumentException("risk " + name + " must be a positive number, got " + v);
    }

    private static Set<String> symbols(Object v) {
        Set<String> out = new LinkedHashSet<>();
        if (v instanceof Collection<?> c) for (Object o : c) out.add(String.valueOf(o));
        else out.add(String.valueOf(v));
        return out;
    }
}
