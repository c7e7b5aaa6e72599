package io.tradeshell.engine.optimize;

import io.tradeshell.engine.metrics.ReturnMoments;
import io.tradeshell.engine.metrics.RunMetrics;
import java.util.Map;

/**
 * One finished combination of a sweep: what it ran with and what it scored. Only these figures
 * are kept, never the run's curve or trades, so a sweep's memory does not grow with its bars.
 *
 * @param id      the combination's index in the grid
 * @param params  every parameter in effect (the script's defaults merged with the combination)
 * @param returns shape of the per-bar returns, for the probabilistic and deflated Sharpe ratios
 */
public record SweepRow(long id, Map<String, Object> params, RunMetrics metrics, ReturnMoments returns) {

    public double objective(Objective o) {
        return o.value(metrics);
    }

    /** A parameter's value; fails for a name the strategy does not have. */
    public Object param(String name) {
        Object v = params.get(name);
        if (v == null) throw new IllegalArgumentException("no param '" + name + "' (params: " + String.join(", ", params.keySet()) + ")");
        return v;
    }

    /** A numeric parameter as a double. */
    public double number(String name) {
        if (param(name) instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("param '" + name + "' is not a number");
    }

    @Override
    public String toString() {
        return "#" + id + " " + params + " sharpe " + metrics.sharpe() + ", return " + metrics.totalReturn() + ", " + metrics.trades() + " trades";
    }
}
