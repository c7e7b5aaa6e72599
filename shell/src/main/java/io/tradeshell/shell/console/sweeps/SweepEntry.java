package io.tradeshell.shell.console.sweeps;

import io.tradeshell.engine.metrics.RunMetrics;
import io.tradeshell.engine.optimize.SweepRow;
import io.tradeshell.shell.console.view.Numbers;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One combination of a sweep as a snippet sees it: its params and metrics by name, so a filter
 * reads {@code { it.trades >= 5 && it.fast < 20 }}.
 */
public final class SweepEntry {
    private final SweepRow row;

    public SweepEntry(SweepRow row) {
        this.row = row;
    }

    public SweepRow row() { return row; }

    public long getId() { return row.id(); }

    /** Every param in effect: the combination's and the script's defaults for the rest. */
    public Map<String, Object> getParams() { return row.params(); }

    public RunMetrics getMetrics() { return row.metrics(); }

    /**
     * A param, else a metric, by name ({@code it.fast}, {@code it.sharpe}); Groovy reads
     * properties the class does not declare through this method. A metric that has no value is NaN.
     */
    public Object get(String name) {
        if (row.params().containsKey(name)) return row.params().get(name);
        Map<String, Object> metrics = row.metrics().asMap();
        if (metrics.containsKey(name)) {
            Object v = metrics.get(name);
            return v == null ? Double.NaN : v;
        }
        throw new IllegalArgumentException("no param or metric '" + name + "' (params: " + String.join(", ", row.params().keySet())
                + "; metrics: " + String.join(", ", metrics.keySet()) + ")");
    }

    /** {@code #12 fast=10 slow=30: sharpe 1.23, return 4.50%, max drawdown 2.10%, 14 trades}. */
    @Override
    public String toString() {
        RunMetrics m = row.metrics();
        String params = row.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return "#" + row.id() + " " + params + ": sharpe " + (Double.isFinite(m.sharpe()) ? Numbers.fixed(m.sharpe(), 3) : "n/a")
                + ", return " + Numbers.percent(m.totalReturn()) + ", max drawdown " + Numbers.percent(m.maxDrawdown())
                + ", " + m.trades() + " trade" + (m.trades() == 1 ? "" : "s");
    }
}
