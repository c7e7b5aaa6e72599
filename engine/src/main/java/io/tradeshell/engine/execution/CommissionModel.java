package io.tradeshell.engine.execution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a broker charges for a fill. */
public sealed interface CommissionModel {

    /**
     * The commission for one fill.
     *
     * @param firstFillOfOrder true for an order's first fill, so a per-order fee is charged once
     */
    double commission(double qty, double price, boolean firstFillOfOrder);

    /** A description for summaries, such as {@code {"model":"percent","rate":0.001}}, its keys in that order. */
    Map<String, Object> describe();

    /**
     * Keys in the order given: {@code Map.of} iterates in an order salted per JVM, which made
     * summary.json differ from one run of the same backtest to the next.
     */
    private static Map<String, Object> inOrder(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return Collections.unmodifiableMap(m);
    }

    /** A fraction of the traded notional: 0.001 is 0.1%. */
    record PercentOfNotional(double rate) implements CommissionModel {
        public PercentOfNotional {
            if (!(rate >= 0) || Double.isInfinite(rate)) throw new IllegalArgumentException("commission rate must be a number >= 0, was " + rate);
        }

        public double commission(double qty, double price, boolean first) { return Math.abs(qty) * price * rate; }

        public Map<String, Object> describe() { return inOrder("model", "percent", "rate", rate); }
    }

    /** A fee per unit traded, with a minimum per order (charged on the first fill). */
    record PerShare(double perShare, double minimum) implements CommissionModel {
        public PerShare {
            if (!(perShare >= 0) || !(minimum >= 0) || Double.isInfinite(perShare) || Double.isInfinite(minimum)) {
                throw new IllegalArgumentException("per-share commission and minimum must be numbers >= 0, were " + perShare + " and " + minimum);
            }
        }

        public double commission(double qty, double price, boolean first) {
            double fee = Math.abs(qty) * perShare;
            return first ? Math.max(fee, minimum) : fee;
        }

        public Map<String, Object> describe() { return inOrder("model", "per-share", "perShare", perShare, "minimum", minimum); }
    }

    /** A fixed fee per order, whatever its size. */
    record PerOrder(double fee) implements CommissionModel {
        public PerOrder {
            if (!(fee >= 0) || Double.isInfinite(fee)) throw new IllegalArgumentException("per-order commission must be a number >= 0, was " + fee);
        }

        public double commission(double qty, double price, boolean first) { return first ? fee : 0; }

        public Map<String, Object> describe() { return inOrder("model", "per-order", "fee", fee); }
    }

    /**
     * Reads {@code 0.001} or {@code pct:0.001} (percent of notional), {@code share:0.005:1}
     * (per share, minimum 1) or {@code order:1.5} (per order).
     */
    static CommissionModel parse(String spec) {
        String[] parts = spec.trim().split(":");
        try {
            return switch (parts[0].toLowerCase()) {
                case "pct", "percent" -> new PercentOfNotional(Double.parseDouble(parts[1]));
                case "share", "per-share" -> new PerShare(Double.parseDouble(parts[1]), parts.length > 2 ? Double.parseDouble(parts[2]) : 0);
                case "order", "per-order" -> new PerOrder(Double.parseDouble(parts[1]));
                default -> {
                    if (parts.length != 1) throw new IllegalArgumentException();
                    yield new PercentOfNotional(Double.parseDouble(parts[0]));
                }
            };
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && !(e instanceof NumberFormatException)) throw iae;
            throw new IllegalArgumentException("cannot read commission '" + spec
                    + "' (use 0.001, pct:0.001, share:0.005:1 or order:1)");
        }
    }
}
