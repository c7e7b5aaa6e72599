package io.tradeshell.dsl;

import io.tradeshell.engine.strategy.Sizing;
import java.util.Map;

/** Reads an entry's sizing option: {@code qty: 10}, {@code percent: 25} of equity, or {@code cash: 5000}. */
final class Sizes {
    private Sizes() { }

    /**
     * @param maxLeverage the account's leverage, so that {@code percent} above 100 x leverage is
     *                    refused; NaN where it is not known yet (checked when the run starts)
     */
    static Sizing from(Map<String, Object> options, String where, double maxLeverage) {
        if (options.isEmpty()) return new Sizing.Fixed(1);
        if (options.size() > 1) throw new IllegalArgumentException(where + " takes one sizing option (qty, percent or cash), got " + options.keySet());
        var e = options.entrySet().iterator().next();
        if (!(e.getValue() instanceof Number n)) throw new IllegalArgumentException(where + " " + e.getKey() + " must be a number, got " + e.getValue());
        double v = n.doubleValue();
        return switch (e.getKey()) {
            case "qty" -> {
                io.tradeshell.engine.broker.OrderRequest.checkQuantity(v);
                yield new Sizing.Fixed(v);
            }
            case "percent" -> {
                if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(where + " percent must be a positive number, got " + n);
                if (v > 100 * maxLeverage) {
                    throw new IllegalArgumentException(where + " percent: " + n + " is more than the account can hold: at most "
                            + trim(100 * maxLeverage) + " with max leverage " + trim(maxLeverage) + " (raise it with --max-leverage or risk maxLeverage:)");
                }
                yield new Sizing.PercentOfEquity(v / 100.0);
            }
            case "cash" -> new Sizing.CashAmount(v);
            default -> throw new IllegalArgumentException(where + " has no option '" + e.getKey() + "' (use qty, percent or cash)");
        };
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
