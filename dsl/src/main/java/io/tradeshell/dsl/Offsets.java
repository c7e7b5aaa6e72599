package io.tradeshell.dsl;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.strategy.ExitPlan.Offset;
import java.util.Map;

/** Reads a protective exit's distance: {@code percent: 5} or {@code points: atr(14) * 2} (or a number). */
final class Offsets {
    private Offsets() { }

    static Offset from(Map<String, Object> spec, String where, StrategyScript script) {
        if (spec.size() != 1) throw new IllegalArgumentException(where + " takes one of percent: or points:, got " + spec.keySet());
        var e = spec.entrySet().iterator().next();
        return switch (e.getKey()) {
            case "percent" -> {
                if (!(e.getValue() instanceof Number n)) throw new IllegalArgumentException(where + " percent must be a number");
                yield new Offset.Percent(n.doubleValue() / 100.0);
            }
            case "points" -> {
                Indicator distance = script.indicator(e.getValue());
                yield new Offset.Points(distance, 1.0);
            }
            default -> throw new IllegalArgumentException(where + " has no option '" + e.getKey() + "' (use percent or points)");
        };
    }
}
