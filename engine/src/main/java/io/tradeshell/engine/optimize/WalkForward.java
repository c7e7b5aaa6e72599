package io.tradeshell.engine.optimize;

import io.tradeshell.engine.metrics.EquityCurve;
import io.tradeshell.engine.metrics.MetricsCalculator;
import io.tradeshell.engine.metrics.RunMetrics;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.strategy.StrategyFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walk-forward analysis: in each window, sweep the training period, take its best combination,
 * and trade it on the test period that follows; then stitch the test periods' equity together.
 *
 * <p>The test run replays the training bars too, with orders refused until the test window
 * opens ({@link TradingFrom}): indicators start the test warmed up, yet every trade, and every
 * point of the out-of-sample curve, lies in the test window. Each test window starts flat with
 * the starting cash; a position still open at its end is valued at the last close and not
 * carried into the next window. The stitched curve compounds the windows' returns.
 */
public final class WalkForward {
    private WalkForward() { }

    public static WalkForwardResult run(WalkForwardRequest request) {
        return run(request, WalkForwardListener.NONE);
    }

    public static WalkForwardResult run(WalkForwardRequest request, WalkForwardListener listener) {
        return run(request, listener, Optional.empty());
    }

    /** A walk-forward whose training sweeps run on {@code workers} (a cluster), with the same results. */
    public static WalkForwardResult run(WalkForwardRequest request, WalkForwardListener listener, SweepWorkers workers) {
        return run(request, listener, Optional.of(workers));
    }

    private static WalkForwardResult run(WalkForwardRequest request, WalkForwardListener listener, Optional<SweepWorkers> workers) {
        OptimizeRequest sweep = request.sweep();
        RunSpec base = sweep.base();
        List<WalkForwardWindow> windows = plan(request);
        Optional<Path> dir = sweep.out();
        dir.ifPresent(d -> WalkForwardJournal.checkFresh(d, sweep.resume()));
        Objective objective = sweep.objective();
        double cash = base.cash();

        List<WindowResult> results = new ArrayList<>();
        List<ClosedTrade> trades = new ArrayList<>();
        Stitcher stitched = new Stitcher(cash);
        double commissions = 0;
        String name = sweep.strategy().name();
        try (WalkForwardJournal journal = dir.map(WalkForwardJournal::open).orElse(null)) {
            for (WalkForwardWindow w : windows) {
                listener.onWindowStart(w, windows.size());
                List<DataInput> train = DataWindow.slice(base.data(), w.trainFrom(), w.trainTo());
                OptimizeRequest windowSweep = sweep.withBase(withData(base, train))
                        .withOut(dir.map(d -> d.resolve(String.format("window-%03d", w.index() + 1))).orElse(null));
                SweepResult s = workers.isEmpty() ? Optimizer.run(windowSweep, listener)
                        : Optimizer.run(windowSweep, Optimizer.plan(windowSweep), listener, workers.get());
                if (s.stoppedEarly() || s.best().isEmpty()) break;
                SweepRow best = s.best().get();
                name = s.name();

                Map<String, Object> chosen = sweep.space().paramsAt(best.id());
                StrategyFactory factory = new TradingFrom(sweep.strategy().bind(chosen), w.testFrom());
                RunResult oos = Backtest.run(withData(base, DataWindow.slice(base.data(), w.trainFrom(), w.testTo())).withStrategy(factory));
                List<DataInput> test = DataWindow.slice(base.data(), w.testFrom(), w.testTo());
                EquityCurve part = from(oos.curve(), w.testFrom());
                double windowCommissions = oos.metrics() == null ? 0 : oos.metrics().commissions();
                RunMetrics outOfSample = part.size() == 0 ? Optimizer.noBars(cash)
                        : MetricsCalculator.compute(part, oos.trades(), cash, windowCommissions, buyAndHold(test), DataInput.end(test));
                double is = objective.value(best.metrics()), os = objective.value(outOfSample);
                WindowResult result = new WindowResult(w, DataWindow.bars(train), DataWindow.bars(test), best.params(),
                        best.metrics(), outOfSample, is, os, ratio(os, is), s.trials(), s.selection().orElse(null));
                results.add(result);
                trades.addAll(oos.trades());
                commissions += windowCommissions;
                stitched.add(part);
                if (journal != null) journal.append(result, objective);
                listener.onWindowDone(result, windows.size());
            }
            EquityCurve curve = stitched.curve();
            List<DataInput> outOfSample = outOfSampleData(base, results);
            RunMetrics metrics = curve.size() == 0 ? Optimizer.noBars(cash)
                    : MetricsCalculator.compute(curve, trades, cash, commissions, buyAndHold(outOfSample), DataInput.end(outOfSample));
            double meanIs = results.stream().mapToDouble(WindowResult::inSampleObjective).filter(Double::isFinite).average().orElse(Double.NaN);
            WalkForwardResult out = new WalkForwardResult(name, request, results, curve, metrics, trades,
                    ratio(objective.value(metrics), meanIs), dir);
            if (journal != null) journal.finish(out, out.windowOfPoints());
            return out;
        }
    }

    /** The windows of a request, each checked to have training bars; fails before any work. */
    public static List<WalkForwardWindow> plan(WalkForwardRequest request) {
        OptimizeRequest sweep = request.sweep();
        List<DataInput> data = sweep.base().data();
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (DataInput d : data) {
            BarSeries s = d.bars();
            if (s.isEmpty()) continue;
            first = Math.min(first, s.openTime(0));
            last = Math.max(last, s.openTime(s.lastIndex()));
        }
        if (first == Long.MAX_VALUE) throw new IllegalArgumentException("the data has no bars to walk forward over");
        List<WalkForwardWindow> windows = WalkForwardPlan.windows(first, last, request.train(), request.test(), request.anchored());
        for (WalkForwardWindow w : windows) {
            if (DataWindow.bars(DataWindow.slice(data, w.trainFrom(), w.trainTo())) == 0) {
                throw new IllegalArgumentException("the training period of " + w + " has no bars; choose longer windows");
            }
        }
        Optimizer.plan(sweep.withBase(withData(sweep.base(), DataWindow.slice(data, windows.get(0).trainFrom(), windows.get(0).trainTo()))));
        return windows;
    }

    static RunSpec withData(RunSpec base, List<DataInput> data) {
        return new RunSpec(base.script(), base.strategy(), data, base.execution(), base.cash(), base.risk(), base.lotSize(), base.exits());
    }

    /** The points of a curve from {@code time} on. */
    static EquityCurve from(EquityCurve c, long time) {
        long[] t = c.time();
        int k = 0;
        while (k < t.length && t[k] < time) k++;
        return new EquityCurve(Arrays.copyOfRange(t, k, t.length), Arrays.copyOfRange(c.equity(), k, t.length),
                Arrays.copyOfRange(c.exposure(), k, t.length));
    }

    /** Buy-and-hold from the first close to the last, averaged over the symbols with bars, as a run reports it. */
    static double buyAndHold(List<DataInput> data) {
        double sum = 0;
        int n = 0;
        for (DataInput d : data) {
            BarSeries s = d.bars();
            if (s.isEmpty()) continue;
            sum += s.close(s.lastIndex()) / s.close(0) - 1;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static List<DataInput> outOfSampleData(RunSpec base, List<WindowResult> results) {
        if (results.isEmpty()) return List.of();
        return DataWindow.slice(base.data(), results.get(0).window().testFrom(), results.get(results.size() - 1).window().testTo());
    }

    /**
     * Out-of-sample over in-sample objective. Only a positive in-sample figure makes the ratio
     * mean "how much of it held up": over a negative one the sign flips and it says nothing.
     */
    static double ratio(double outOfSample, double inSample) {
        if (!Double.isFinite(outOfSample) || !Double.isFinite(inSample) || inSample <= 0) return Double.NaN;
        return outOfSample / inSample;
    }

    /** Compounds test windows' curves: each starts where the previous one ended. */
    static final class Stitcher {
        private final double cash;
        private long[] time = new long[256];
        private double[] equity = new double[256], exposure = new double[256];
        private int size;
        private double level;

        Stitcher(double cash) {
            this.cash = cash;
            this.level = cash;
        }

        void add(EquityCurve part) {
            double start = level;
            for (int k = 0; k < part.size(); k++) {
                if (size == time.length) grow();
                time[size] = part.time()[k];
                equity[size] = start * (part.equity()[k] / cash);
                exposure[size] = part.exposure()[k];
                size++;
            }
            if (part.size() > 0) level = equity[size - 1];
        }

        private void grow() {
            int cap = time.length * 2;
            time = Arrays.copyOf(time, cap);
            equity = Arrays.copyOf(equity, cap);
            exposure = Arrays.copyOf(exposure, cap);
        }

        EquityCurve curve() {
            return new EquityCurve(Arrays.copyOf(time, size), Arrays.copyOf(equity, size), Arrays.copyOf(exposure, size));
        }
    }
}
