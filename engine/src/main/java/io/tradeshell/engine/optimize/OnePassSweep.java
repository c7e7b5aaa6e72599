package io.tradeshell.engine.optimize;

import io.tradeshell.engine.indicators.ConstantIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.IndicatorCache;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.metrics.HoldingStats;
import io.tradeshell.engine.metrics.ReturnMoments;
import io.tradeshell.engine.metrics.RunMetrics;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.risk.RiskManager;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.rules.Rule;
import io.tradeshell.engine.rules.RuleColumns;
import io.tradeshell.engine.strategy.RuleStrategy;
import io.tradeshell.engine.strategy.SharedIndicators;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import java.util.ArrayList;
import java.util.Arrays;
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
 * running metrics, so nothing is kept per bar but each account's returns.
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

    /**
     * Bars times combinations of one batch whose rules are columns: such a combination keeps no
     * equity per bar, only a few bitsets (a bit per bar and rule) and its holdings, so about 16 MB.
     */
    private static final long COLUMN_BARS_PER_BATCH = 32_000_000;

    /**
     * The largest batch of combinations one pass takes over {@code bars} bars: many more when
     * their rules are {@code columns} (each costs a few bits per bar) than when each account is
     * marked bar by bar (8 bytes per bar). Fewer, larger batches share more rule columns and
     * walk the bars fewer times.
     */
    static int batchSize(int bars, boolean columns) {
        long budget = columns ? COLUMN_BARS_PER_BATCH : POINTS_PER_BATCH;
        return (int) Math.max(1, Math.min(columns ? 256 : 64, budget / Math.max(1, bars)));
    }

    /**
     * Why the sweep must run each combination as its own backtest, in the words the command
     * prints ("per-combination: script uses onBar"), or empty when the one pass applies. Decided
     * from the settings and the first combination; a later combination that differs runs alone.
     */
    static Optional<String> refusal(OptimizeRequest r, CombinationPlan plan) {
        return decide(r, plan, false).refusal();
    }

    /**
     * Whether the one pass takes the first combination's rules as columns (and so runs its
     * strategy only at the bars where it may act) rather than marking it bar by bar.
     */
    static boolean rulesAsColumns(OptimizeRequest request, CombinationPlan plan) {
        return decide(request, plan, true).columns();
    }

    /** How a sweep runs: why each combination runs alone, if it must, else whether the first one's rules are columns. */
    record Decision(Optional<String> refusal, boolean columns) { }

    /**
     * {@link #refusal}, and with {@code columns} also {@link #rulesAsColumns}: then the first
     * combination's strategy is made over the sweep's shared indicators (computed now, once for
     * the sweep) instead of over an empty series. One strategy is made either way.
     */
    static Decision decide(OptimizeRequest request, CombinationPlan plan, boolean columns) {
        OptimizeRequest r = columns ? Optimizer.sharingIndicators(request) : request;
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
        BarSeries source = base.data().get(0).bars();
        BarSeries visible = columns ? BarSeries.revealing(source) : BarSeries.emptyLike(source);
        Optional<SharedIndicators> shared = columns
                ? base.indicatorCache().map(c -> SharedIndicators.oneViewPerIndicator(c, source, visible)) : Optional.empty();
        SweepAccount account = new SweepAccount(visible, base.execution(), base.cash(), limits, base.lotSize(), shared);
        Strategy s;
        try {
            s = factory.create(account);
            if (!s.ordersOnlyFromRules()) return why("script uses onBar or onTick");
            if (account.setsExits()) return why("script sets protective exits");
        } catch (RuntimeException e) {
            return why("the first combination fails to start");
        }
        Optional<RuleStrategy.Declared> declared = columns ? s.declaredRules() : Optional.empty();
        return new Decision(Optional.empty(), declared.isPresent()
                && Columns.of(declared.get(), s.warmupBars(), new RuleColumns(source.size(), new ColumnValues(source, visible))) != null);
    }

    private static Decision why(String reason) {
        return new Decision(Optional.of(PER_COMBINATION + reason), false);
    }

    private static final String PER_COMBINATION = "per-combination: ";

    /**
     * The line {@code optimize} prints about its path: "one pass over the bars for 100
     * combinations (declared rules, tested as columns)", or "each combination on its own (script
     * uses onBar or onTick)".
     */
    static String describe(OptimizeRequest request, CombinationPlan plan) {
        Decision d = decide(request, plan, true);
        if (d.refusal().isPresent()) return "each combination on its own (" + d.refusal().get().substring(PER_COMBINATION.length()) + ")";
        String combinations = String.format(java.util.Locale.ROOT, "%,d combination%s", plan.size(), plan.size() == 1 ? "" : "s");
        return "one pass over the bars for " + combinations + " (declared rules, " + (d.columns() ? "tested as columns)" : "tested bar by bar)");
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
        /** Its rules as columns (null where a rule is absent), when it runs only at the bars where one holds; else marked bar by bar. */
        Columns columns;
        /** Its holdings from bar to bar, kept by a lane of columns. */
        int[] from;
        double[] cash, qty;
        int changes;
        /** The next lane waiting for the same bar. */
        int link = -1;

        Lane(int k) {
            this.k = k;
        }

        /** The holdings after bar {@code i}, kept if they changed. */
        void hold(int i) {
            double c = account.cash(), q = account.position();
            int last = changes - 1;
            if (Double.doubleToRawLongBits(c) == Double.doubleToRawLongBits(cash[last])
                    && Double.doubleToRawLongBits(q) == Double.doubleToRawLongBits(qty[last])) return;
            if (from[last] == i) {
                cash[last] = c;
                qty[last] = q;
                return;
            }
            if (changes == from.length) {
                from = Arrays.copyOf(from, changes * 2);
                cash = Arrays.copyOf(cash, changes * 2);
                qty = Arrays.copyOf(qty, changes * 2);
            }
            from[changes] = i;
            cash[changes] = c;
            qty[changes++] = q;
        }
    }

    /** A strategy's rules as columns, and the bar its entries wait for. */
    private record Columns(long[] buy, long[] sell, long[] shortEntry, long[] cover, int warmup) {
        /** How many bars the entry rules hold at: at most that many entries. */
        int entries() {
            long bits = 0;
            for (long[] c : new long[][] {buy, shortEntry}) {
                if (c != null) for (long word : c) bits += Long.bitCount(word);
            }
            return (int) Math.min(bits, 1 << 20);
        }

        /** The columns of {@code rules}, or null when one of them is not a column. */
        static Columns of(RuleStrategy.Declared rules, int warmup, RuleColumns columns) {
            long[][] c = new long[4][];
            Rule[] r = {rules.buy(), rules.sell(), rules.shortEntry(), rules.cover()};
            for (int j = 0; j < 4; j++) {
                if (r[j] == null) continue;
                c[j] = columns.of(r[j]);
                if (c[j] == null) return null;
            }
            return new Columns(c[0], c[1], c[2], c[3], warmup);
        }
    }

    /**
     * The next bar after {@code i} at which the lane's strategy may act, {@code n} if none: the
     * bar its working order fills at, else the next bar where the rule for its position holds
     * (sell when long, cover when short, buy or short when flat and past the warm-up). At every
     * bar between, its {@code onBar} would test a rule that does not hold and do nothing.
     */
    private static int next(Lane lane, int i, BarSeries source, int n) {
        SweepAccount a = lane.account;
        if (a.hasWorking()) {
            long from = a.workingFrom();
            int j = i + 1;
            while (j < n && source.openTime(j) < from) j++;
            return j;
        }
        Columns c = lane.columns;
        double position = a.position();
        if (position > 0) return RuleColumns.next(c.sell(), i + 1, n);
        if (position < 0) return RuleColumns.next(c.cover(), i + 1, n);
        int from = Math.max(i + 1, c.warmup());
        return Math.min(RuleColumns.next(c.buy(), from, n), RuleColumns.next(c.shortEntry(), from, n));
    }

    /**
     * Runs the plan's combinations {@code ks} (indexes into the plan) in one pass and returns
     * their rows in the same order; a combination the pass cannot take is run alone.
     *
     * <p>A combination whose rules are columns ({@link RuleColumns}: crossings, comparisons,
     * trends and their logic over price columns, constants and the sweep's shared indicators) is
     * run only at the bars where it may act: its working order's fill, the next bar where the
     * rule for its position holds. There its account fills at the open and is marked at the
     * close and its strategy runs, as at every bar of the event loop; in between its cash and
     * position cannot change, so its equity at each close is worked out afterwards from its
     * holdings, for all such combinations together ({@link HoldingStats}). Others are marked bar
     * by bar.
     */
    static Batch run(OptimizeRequest r, CombinationPlan plan, List<Integer> ks) {
        RunSpec base = r.base();
        DataInput input = base.data().get(0);
        BarSeries source = input.bars();
        int n = source.size();
        long period = source.periodMillis();
        BarSeries visible = BarSeries.revealing(source);
        Optional<SharedIndicators> shared = base.indicatorCache().filter(c -> input.symbol().equals(source.symbol()))
                .map(c -> SharedIndicators.oneViewPerIndicator(c, source, visible));
        RuleColumns columns = new RuleColumns(n, new ColumnValues(source, visible));

        List<Lane> lanes = new ArrayList<>(ks.size());
        List<Lane> marked = new ArrayList<>(ks.size());
        List<Lane> stepped = new ArrayList<>(ks.size());
        for (int k : ks) {
            Lane lane = new Lane(k);
            lanes.add(lane);
            try {
                lane.factory = r.strategy().bind(plan.params(k));
                RiskLimits limits = base.withStrategy(lane.factory).effectiveRisk();
                if (lane.factory.hasPortfolio() || watchesEquity(limits)) continue;
                lane.account = new SweepAccount(visible, base.execution(), base.cash(), limits, base.lotSize(), shared);
                lane.strategy = lane.factory.create(lane.account);
                lane.inPass = lane.strategy.ordersOnlyFromRules() && !lane.account.setsExits();
                if (!lane.inPass) continue;
                Optional<RuleStrategy.Declared> declared = lane.strategy.declaredRules();
                lane.columns = declared.isEmpty() ? null : Columns.of(declared.get(), lane.strategy.warmupBars(), columns);
                if (lane.columns == null) {
                    marked.add(lane);
                } else {
                    int changes = lane.columns.entries() * 2 + 1; // each entry's fill, then its exit's: room for them all at once
                    lane.from = new int[changes];
                    lane.cash = new double[changes];
                    lane.qty = new double[changes];
                    lane.cash[0] = base.cash();
                    lane.changes = 1;
                    stepped.add(lane);
                }
            } catch (RuntimeException e) {
                lane.inPass = false; // it fails, or does what the pass does not: alone, it fails or runs as it should
            }
        }
        Lane[] running = marked.toArray(new Lane[0]);
        int count = running.length;
        Lane[] byIndex = stepped.toArray(new Lane[0]);
        int[] waiting = new int[n];
        Arrays.fill(waiting, -1);
        for (int l = 0; l < byIndex.length; l++) wait(byIndex, waiting, l, next(byIndex[l], -1, source, n), n);

        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            if ((i & 255) == 0) giveUpIfInterrupted();
            long openTime = source.openTime(i);
            long closeTime = openTime + period;
            time[i] = closeTime - period;
            if (count > 0) {
                count = bar(running, count, i, openTime, closeTime, source, visible);
            } else if (!visible.reveal()) {
                visible.appendFrom(source, i);
            }
            for (int l = waiting[i]; l >= 0; ) {
                Lane lane = byIndex[l];
                int after = lane.link;
                try {
                    step(lane, i, openTime, closeTime, source, n);
                    wait(byIndex, waiting, l, next(lane, i, source, n), n);
                } catch (RuntimeException e) {
                    lane.inPass = false; // run alone: it fails there as it would have, or runs what the pass does not
                }
                l = after;
            }
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
        Map<Lane, HoldingStats.Figures> figures = figures(stepped, source, n, base.cash());
        List<SweepRow> rows = new ArrayList<>(lanes.size());
        for (Lane lane : lanes) {
            HoldingStats.Figures f = lane.columns != null ? figures.get(lane) : null;
            if (!lane.inPass || (lane.columns != null && f == null)) {
                giveUpIfInterrupted();
                try {
                    rows.add(Optimizer.runCombination(r, plan.id(lane.k), plan.params(lane.k)));
                } catch (CombinationFailedException e) {
                    return new Batch(rows, Optional.of(e)); // the rows before it stand, as in a run of one combination after another
                }
                continue;
            }
            SweepAccount a = lane.account;
            RunMetrics metrics;
            ReturnMoments moments;
            if (f != null) {
                metrics = f.stats().metrics(time, a.trades(), a.commissions(), bh, dataEnd);
                moments = f.moments();
            } else {
                metrics = a.stats.metrics(time, a.trades(), a.commissions(), bh, dataEnd);
                moments = a.stats.moments();
            }
            Map<String, Object> params = Collections.unmodifiableMap(new LinkedHashMap<>(lane.factory.params()));
            rows.add(new SweepRow(plan.id(lane.k), params, metrics, moments));
        }
        return new Batch(rows, Optional.empty());
    }

    /** Puts lane {@code l} in the list of bar {@code bar}, unless that is past the end. */
    private static void wait(Lane[] lanes, int[] waiting, int l, int bar, int n) {
        if (bar >= n) return;
        lanes[l].link = waiting[bar];
        waiting[bar] = l;
    }

    /**
     * Bar {@code i} for a lane of columns, as the event loop runs it: the working order fills at
     * the open (the account marked at the bar before, as it would have been), the account is
     * marked at the close, the strategy runs (unless its order has just filled and no rule for
     * the new position holds: then its {@code onBar} would do nothing), and the holdings are noted.
     */
    private static void step(Lane lane, int i, long openTime, long closeTime, BarSeries source, int n) {
        SweepAccount a = lane.account;
        boolean filling = a.hasWorking();
        if (filling && i > 0 && a.markedAt() != source.closeTime(i - 1)) a.atClose(source.close(i - 1), source.closeTime(i - 1));
        a.atOpen(i, openTime, source.open(i));
        a.atClose(source.close(i), closeTime);
        // where its order filled, the strategy acts only if the rule for its new position holds there
        if (!filling || a.hasWorking() || next(lane, i - 1, source, n) == i) lane.strategy.onBar(i);
        lane.hold(i);
    }

    /**
     * The figures of the lanes of columns from their holdings, marked at every close; none for
     * a lane that left the pass, or whose rules came to read the account while it ran.
     */
    private static Map<Lane, HoldingStats.Figures> figures(List<Lane> stepped, BarSeries source, int n, double cash) {
        List<Lane> done = new ArrayList<>();
        for (Lane lane : stepped) if (lane.inPass && lane.strategy.declaredRules().isPresent()) done.add(lane);
        HoldingStats.Holdings[] holdings = new HoldingStats.Holdings[done.size()];
        for (int l = 0; l < holdings.length; l++) {
            Lane lane = done.get(l);
            holdings[l] = new HoldingStats.Holdings(lane.from, lane.cash, lane.qty, lane.changes);
        }
        double[] close = new double[n];
        for (int i = 0; i < n; i++) close[i] = source.close(i);
        HoldingStats.Figures[] f = HoldingStats.of(close, n, cash, holdings);
        Map<Lane, HoldingStats.Figures> out = new java.util.IdentityHashMap<>();
        for (int l = 0; l < f.length; l++) if (f[l] != null) out.put(done.get(l), f[l]);
        return out;
    }

    /**
     * The values of a rule's indicators over the whole source, for its column: the sweep's
     * shared indicators (computed over the source once), price columns and constants read on
     * the pass's series. Anything else is not known ahead.
     */
    private static final class ColumnValues implements RuleColumns.Values {
        private final BarSeries source, visible;
        private final Map<PriceIndicator.Column, double[]> prices = new java.util.EnumMap<>(PriceIndicator.Column.class);
        private final Map<Double, double[]> constants = new java.util.HashMap<>();

        ColumnValues(BarSeries source, BarSeries visible) {
            this.source = source;
            this.visible = visible;
        }

        @Override
        public double[] of(Indicator indicator) {
            if (indicator.series() != visible) return null;
            double[] shared = IndicatorCache.sharedValues(indicator);
            if (shared != null) return shared.length == source.size() ? shared : null;
            int n = source.size();
            if (indicator instanceof PriceIndicator p) {
                PriceIndicator full = new PriceIndicator(source, p.column());
                return prices.computeIfAbsent(p.column(), c -> {
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) v[i] = full.price(i);
                    return v;
                });
            }
            if (indicator instanceof ConstantIndicator k) {
                return constants.computeIfAbsent(k.constant(), c -> {
                    double[] v = new double[n];
                    Arrays.fill(v, c);
                    return v;
                });
            }
            return null;
        }
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
        if (!visible.reveal()) visible.appendFrom(source, i);
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
