package io.tradeshell.engine.optimize;

import io.tradeshell.engine.indicators.IndicatorCache;
import io.tradeshell.engine.metrics.EquityCurve;
import io.tradeshell.engine.metrics.ReturnMoments;
import io.tradeshell.engine.metrics.RunMetrics;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.risk.RiskManager;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.strategy.SharedIndicators;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The sweep kernel for strategies whose logic is declared rules: one pass over the bars for a
 * batch of combinations, instead of one backtest each. The bars are appended once to one series
 * that every combination's strategy reads (each distinct indicator is one view over values
 * computed once for the sweep); at each bar every combination's account fills its working order
 * at the open, is marked at the close, lets its strategy decide, and adds its equity point to
 * running metrics, so nothing is kept per bar but each account's equity.
 *
 * <p>Nothing looks ahead: a bar is appended before any strategy reads it, decisions are made at
 * its close and filled at the next open (or at the close under the optimistic setting), exactly
 * as the event loop does. The rows are those of each combination run alone, bit for bit (a test
 * holds the two paths to it over generated scripts, data and costs): where a combination does
 * something the kernel does not do itself, it is run alone (see {@link SweepAccount}).
 */
final class OnePassSweep {
    /** Equity points kept by one batch, across its combinations (8 bytes each), about 16 MB. */
    private static final long POINTS_PER_BATCH = 2_000_000;

    private OnePassSweep() { }

    /** The largest batch of combinations one pass takes over {@code bars} bars. */
    static int batchSize(int bars) {
        return (int) Math.max(1, Math.min(64, POINTS_PER_BATCH / Math.max(1, bars)));
    }

    /**
     * Why the sweep must run each combination as its own backtest, in the words the command
     * prints ("per-combination: script uses onBar"), or empty when the one pass applies. Decided
     * from the settings and the first combination; a later combination that differs runs alone.
     */
    static Optional<String> refusal(OptimizeRequest r, CombinationPlan plan) {
        RunSpec base = r.base();
        if (base.data().size() != 1) return why("the run has several data files");
        if (base.data().get(0).bars().isEmpty()) return why("the data has no bars");
        if (base.execution().hasRealism()) return why("latency, volume caps or random rejections are on");
        if (!base.exits().isEmpty()) return why("protective exits (--stop-loss, --take-profit) are set");
        StrategyFactory factory;
        try {
            factory = r.strategy().bind(plan.params(0));
        } catch (RuntimeException e) {
            return why("the first combination does not bind");
        }
        if (factory.hasPortfolio()) return why("script has a portfolio section");
        RiskLimits limits = base.withStrategy(factory).effectiveRisk();
        if (watchesEquity(limits)) return why("a daily-loss or drawdown limit is set");
        BarSeries probe = BarSeries.emptyLike(base.data().get(0).bars());
        SweepAccount account = new SweepAccount(probe, base.execution(), base.cash(), limits, base.lotSize(), Optional.empty(), 0);
        try {
            Strategy s = factory.create(account);
            if (!s.ordersOnlyFromRules()) return why("script uses onBar or onTick");
            if (account.setsExits()) return why("script sets protective exits");
        } catch (RuntimeException e) {
            return why("the first combination fails to start");
        }
        return Optional.empty();
    }

    private static Optional<String> why(String reason) {
        return Optional.of("per-combination: " + reason);
    }

    private static boolean watchesEquity(RiskLimits limits) {
        return new RiskManager(limits, e -> { }).watchesEquity();
    }

    /** One combination of a batch: its plan index, its factory and, while it runs in the pass, its account and strategy. */
    private static final class Lane {
        final int k;
        StrategyFactory factory;
        SweepAccount account;
        Strategy strategy;
        /** Whether the pass runs it to the end; if not, it runs alone. */
        boolean inPass;

        Lane(int k) {
            this.k = k;
        }
    }

    /**
     * Runs the plan's combinations {@code ks} (indexes into the plan) in one pass and returns
     * their rows in the same order; a combination the pass cannot take is run alone.
     */
    static Batch run(OptimizeRequest r, CombinationPlan plan, List<Integer> ks) {
        RunSpec base = r.base();
        DataInput input = base.data().get(0);
        BarSeries source = input.bars();
        int n = source.size();
        long period = source.periodMillis();
        BarSeries visible = new BarSeries(source.symbol(), Duration.ofMillis(period), source.priceScale(), Math.max(1024, n));
        Optional<SharedIndicators> shared = base.indicatorCache().filter(c -> input.symbol().equals(source.symbol()))
                .map(c -> SharedIndicators.oneViewPerIndicator(c, source, visible));

        List<Lane> lanes = new ArrayList<>(ks.size());
        List<Lane> live = new ArrayList<>(ks.size());
        for (int k : ks) {
            Lane lane = new Lane(k);
            lanes.add(lane);
            try {
                lane.factory = r.strategy().bind(plan.params(k));
                RiskLimits limits = base.withStrategy(lane.factory).effectiveRisk();
                if (lane.factory.hasPortfolio() || watchesEquity(limits)) continue;
                lane.account = new SweepAccount(visible, base.execution(), base.cash(), limits, base.lotSize(), shared, n);
                lane.strategy = lane.factory.create(lane.account);
                lane.inPass = lane.strategy.ordersOnlyFromRules() && !lane.account.setsExits();
                if (lane.inPass) live.add(lane);
            } catch (RuntimeException e) {
                lane.inPass = false; // it fails, or does what the pass does not: alone, it fails or runs as it should
            }
        }
        Lane[] running = live.toArray(new Lane[0]);
        int count = running.length;
        long[] time = new long[n];
        for (int i = 0; i < n && count > 0; i++) {
            if ((i & 255) == 0) giveUpIfInterrupted();
            long openTime = source.openTime(i);
            long closeTime = openTime + period;
            time[i] = closeTime - period;
            count = bar(running, count, i, openTime, closeTime, source, visible);
        }

        // the buy-and-hold return and the data's end, as the event loop works them out
        double bh = Double.NaN;
        long dataEnd = Long.MIN_VALUE;
        if (visible.size() == n) {
            bh = 0;
            bh += visible.close(visible.lastIndex()) / visible.close(0) - 1;
            bh = bh / 1;
            dataEnd = visible.closeTime(visible.lastIndex());
        }
        List<SweepRow> rows = new ArrayList<>(lanes.size());
        for (Lane lane : lanes) {
            if (!lane.inPass) {
                giveUpIfInterrupted();
                try {
                    rows.add(Optimizer.runCombination(r, plan.id(lane.k), plan.params(lane.k)));
                } catch (CombinationFailedException e) {
                    return new Batch(rows, Optional.of(e)); // the rows before it stand, as in a run of one combination after another
                }
                continue;
            }
            SweepAccount a = lane.account;
            RunMetrics metrics = a.stats.metrics(time, a.trades(), a.commissions(), bh, dataEnd);
            ReturnMoments moments = ReturnMoments.of(EquityCurve.returns(a.equity, base.cash()));
            Map<String, Object> params = Collections.unmodifiableMap(new LinkedHashMap<>(lane.factory.params()));
            rows.add(new SweepRow(plan.id(lane.k), params, metrics, moments));
        }
        return new Batch(rows, Optional.empty());
    }

    /**
     * A batch whose thread is interrupted (its sweep was stopped, or its cluster member is
     * leaving) ends here rather than running to the end for nobody: no row of it is returned.
     */
    static void giveUpIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) throw new CancellationException("the sweep's batch was stopped");
    }

    /**
     * Bar {@code i} of {@code source} for every combination still in the pass: fills at its open,
     * the bar appended to {@code visible} for all, then each account marked at its close, its strategy run and its
     * equity point taken. Returns how many stay in the pass, packed at the front of {@code running}.
     * (A method of its own, so the compiler optimises it as such rather than as a loop entered once.)
     */
    private static int bar(Lane[] running, int count, int i, long openTime, long closeTime, BarSeries source, BarSeries visible) {
        double open = source.open(i), close = source.close(i);
        for (int c = 0; c < count; c++) running[c].account.atOpen(i, openTime, open);
        visible.appendFrom(source, i);
        int kept = 0;
        for (int c = 0; c < count; c++) {
            Lane lane = running[c];
            try {
                lane.account.atClose(close, closeTime);
                lane.strategy.onBar(i);
                lane.account.record(i);
                running[kept++] = lane;
            } catch (RuntimeException e) {
                lane.inPass = false; // run alone: it fails there as it would have, or runs what the pass does not
            }
        }
        return kept;
    }

    /** A batch's rows in plan order, up to the combination that failed, if one did. */
    record Batch(List<SweepRow> rows, Optional<CombinationFailedException> failure) {
        /** Each row to {@code sink}, then the failure, if any, thrown. */
        void drainTo(java.util.function.Consumer<SweepRow> sink) {
            rows.forEach(sink);
            if (failure.isPresent()) throw failure.get();
        }
    }
}
