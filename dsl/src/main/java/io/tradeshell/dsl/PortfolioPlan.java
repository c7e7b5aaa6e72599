package io.tradeshell.dsl;

import io.tradeshell.engine.allocation.RebalancePolicy;
import io.tradeshell.engine.allocation.Schedule;
import java.util.Map;

/** A portfolio section's options: {@code portfolio(schedule: 'month-start', tolerance: 0.005, cashBuffer: 0.01, leverage: 1)}. */
record PortfolioPlan(Schedule schedule, RebalancePolicy policy) {
    static PortfolioPlan from(Map<String, Object> options) {
        Schedule schedule = Schedule.EVERY_BAR;
        RebalancePolicy d = RebalancePolicy.DEFAULT;
        double tolerance = d.tolerance(), buffer = d.cashBuffer(), leverage = d.maxLeverage();
        for (var e : options.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "schedule" -> schedule = Schedule.parse(String.valueOf(v));
                case "tolerance" -> tolerance = number(e.getKey(), v);
                case "cashBuffer" -> buffer = number(e.getKey(), v);
                case "leverage" -> leverage = number(e.getKey(), v);
                default -> throw new IllegalArgumentException("portfolio has no option '" + e.getKey()
                        + "' (use schedule, tolerance, cashBuffer or leverage)");
            }
        }
        return new PortfolioPlan(schedule, new RebalancePolicy(tolerance, buffer, leverage));
    }

    private static double number(String name, Object v) {
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("portfolio " + name + " must be a number, got " + v);
    }
}
