package io.tradeshell.shell.console.sweeps;

import io.tradeshell.engine.metrics.RunMetrics;
import io.tradeshell.engine.optimize.WalkForwardResult;
import io.tradeshell.engine.optimize.WindowResult;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.report.chart.ChartFormat;
import io.tradeshell.shell.app.SweepCharts;
import io.tradeshell.shell.console.view.Numbers;
import java.nio.file.Path;
import java.util.List;

/**
 * A walk-forward made in the console, as a value: its windows, the stitched out-of-sample
 * equity and metrics, the walk-forward efficiency; {@code chart(wf)} draws it, {@code wf.save('runs/x')} writes it.
 */
public final class WalkForwardRun {
    private final WalkForwardResult result;

    public WalkForwardRun(WalkForwardResult result) {
        this.result = result;
    }

    public WalkForwardResult result() { return result; }

    public String getName() { return result.name(); }

    public List<WindowResult> getWindows() { return result.windows(); }

    /** The stitched out-of-sample metrics. */
    public RunMetrics getMetrics() { return result.metrics(); }

    public List<ClosedTrade> getTrades() { return result.trades(); }

    public double[] getEquity() { return result.stitched().equity().clone(); }

    /** Out-of-sample objective over the mean in-sample objective; NaN when it cannot be told. */
    public double getEfficiency() { return result.efficiency(); }

    /** Writes {@code windows.jsonl}, {@code equity.jsonl}, {@code walkforward.json} and the chart into {@code dir}. */
    public Path save(String dir) {
        Path d = Path.of(dir);
        result.save(d);
        SweepCharts.walkForward(result, d, ChartFormat.PNG);
        return d;
    }

    /** One line: windows, out-of-sample objective and efficiency. */
    @Override
    public String toString() {
        String metric = result.objective().metric();
        double oos = result.objective().value(result.metrics());
        return result.name() + " walk-forward: " + result.windows().size() + " window" + (result.windows().size() == 1 ? "" : "s")
                + ", out-of-sample " + metric + " " + (Double.isFinite(oos) ? Numbers.fixed(oos, 3) : "n/a")
                + ", return " + Numbers.percent(result.metrics().totalReturn())
                + ", efficiency " + (Double.isFinite(result.efficiency()) ? Numbers.fixed(result.efficiency(), 2) : "n/a");
    }
}
