package io.tradeshell.dsl;

import io.tradeshell.engine.strategy.Sizing;
import java.util.Map;

/** Reads an entry's sizing option: {@code qty: 10}, {@code percent: 25} of equity, or {@code cash: 5000}. */
final class Sizes {
    private Sizes() { }

    static Sizing from(Map<String, Object> options, String where) {
        if (options.isEmpty()) return new Sizing.Fixed(1);
        if (options.size() > 1) throw new IllegalArgumentException(where + " takes one sizing option (qty, percent or cash), got " + options.keySet());
        var e = options.entrySet().iterator().next();
        if (!(e.getValue() instanceof Number n)) throw new IllegalArgumentException(where + " " + e.getKey() + " must be a number, got " + e.getValue());
        double v = n.doubleValue();
        return switch (e.getKey()) {
            case "qty" -> new Sizing.Fixed(v);
            case "percent" -> new Sizing.PercentOfEquity(v / 100.0);
            case "cash" -> new Sizing.CashAmount(v);
            default -> throw new IllegalArgumentException(where + " has no option '" + e.getKey() + "' (use qty, percent or cash)");
        };
    }
}
