package io.tradeshell.engine.optimize;

import io.tradeshell.engine.metrics.EquityCurve;
import io.tradeshell.engine.metrics.RunMetrics;
import io.tradeshell.engine.trade.ClosedTrade;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A finished walk-forward: every window, the out-of-sample equity stitched across test windows
 * with its metrics, and the walk-forward efficiency.
 *
 * @param stitched   out-of-sample equity: each test window's returns compounded on the previous window's end
 * @param trades     every out-of-sample trade, in window order
 * @param efficiency the stitched out-of-sample objective over the mean in-sample objective; NaN unless both are
 *                   numbers and the in-sample mean is positive
 */
public record WalkForwardResult(String name, WalkForwardRequest request, List<WindowResult> windows, EquityCurve stitched,
                                RunMetrics metrics, List<ClosedTrade> trades, double efficiency, Optional<Path> dir) {
    public WalkForwardResult {
        windows = List.copyOf(windows);
        trades = List.copyOf(trades);
    }

    public Objective objective() {
        return request.sweep().objective();
    }

    /** Where each test window starts, for charts. */
    public List<Instant> boundaries() {
        return windows.stream().map(w -> Instant.ofEpochMilli(w.window().testFrom())).toList();
    }

    /** For each point of the stitched curve, the index of the window it belongs to. */
    public int[] windowOfPoints() {
        long[] t = stitched.time();
        int[] out = new int[t.length];
        int w = 0;
        for (int k = 0; k < t.length; k++) {
            while (w < windows.size() - 1 && t[k] >= windows.get(w).window().testTo()) w++;
            out[k] = w;
        }
        return out;
    }

    /** The mean in-sample objective over windows that have one. */
    public double meanInSampleObjective() {
        return windows.stream().mapToDouble(WindowResult::inSampleObjective).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    /**
     * What a reader must know before trusting the figures: with no out-of-sample trade the
     * stitched Sharpe ratio and the efficiency come from a flat or merely marked curve and say nothing.
     */
    public List<String> warnings() {
        if (!trades.isEmpty()) return List.of();
        return List.of(String.format(Locale.ROOT, "no out-of-sample trade in %d window%s: the out-of-sample %s and the walk-forward"
                + " efficiency mean nothing", windows.size(), windows.size() == 1 ? "" : "s",
                objective().metric().equals("sharpe") ? "Sharpe ratio" : "Sharpe ratio, " + objective().metric()));
    }

    /** Writes {@code windows.jsonl}, {@code equity.jsonl} and {@code walkforward.json} into {@code dir} (the console's save). */
    public void save(Path dir) {
        try (WalkForwardJournal journal = WalkForwardJournal.open(dir)) {
            for (WindowResult w : windows) journal.append(w, objective());
            journal.finish(this, windowOfPoints());
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s walk-forward: %d windows, out-of-sample %s %.4f, efficiency %.2f",
                name, windows.size(), objective().metric(), objective().value(metrics), efficiency);
    }
}
