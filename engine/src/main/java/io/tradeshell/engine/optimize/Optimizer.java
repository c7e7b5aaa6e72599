package io.tradeshell.engine.optimize;

import io.tradeshell.engine.metrics.EquityCurve;
import io.tradeshell.engine.metrics.MetricsCalculator;
import io.tradeshell.engine.metrics.ReturnMoments;
import io.tradeshell.engine.metrics.RunMetrics;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.strategy.StrategyFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a parameter sweep: every combination of the plan as its own in-memory backtest, on
 * {@code threads} threads, written to disk in grid order as each finishes.
 *
 * <p>Combinations share only read-only things: the loaded bar series (each run's feed reads
 * them and copies every bar into the run's own series), the run settings (immutable records)
 * and the compiled strategy, which makes a fresh script instance per bind. Everything a run
 * changes (its series, indicators, broker, portfolio, recorder) is its own. So results do not
 * depend on the thread count, and rows are written in plan order (a finished row waits for
 * the ones before it), the files of a parallel sweep are byte for byte those of a sequential one.
 */
public final class Optimizer {
    private Optimizer() { }

    public static SweepResult run(OptimizeRequest request) {
        return run(request, SweepListener.NONE);
    }

    /**
     * Checks the request, decides the plan, then runs it. Every input problem (unknown or
     * mistyped param, empty range, a constraint that excludes everything, a value the script
     * refuses) fails before the first backtest starts.
     */
    public static SweepResult run(OptimizeRequest request, SweepListener listener) {
        return run(request, plan(request), listener);
    }

    /**
     * Runs a plan made by {@link #plan} for this same request (so a caller can show it first):
     * in one pass over the bars for batches of combinations when the strategy's logic is
     * declared rules ({@link #path}), else each combination as its own backtest. Both give the
     * same rows, bit for bit.
     */
    public static SweepResult run(OptimizeRequest sweep, CombinationPlan plan, SweepListener listener) {
        return run(sweep, plan, listener, (Boolean) null);
    }

    /**
     * Runs a plan made by {@link #plan} with its combinations computed by {@code workers} (the
     * members of a cluster, say) instead of this process's threads; the files and the result are
     * those of {@link #run(OptimizeRequest, CombinationPlan, SweepListener)}, resume included.
     */
    public static SweepResult run(OptimizeRequest sweep, CombinationPlan plan, SweepListener listener, SweepWorkers workers) {
        return run(sweep, plan, listener, false, java.util.Optional.of(workers));
    }

    /**
     * Runs the plan's combinations {@code ks} (indexes into the plan, ascending) here, the way
     * this sweep runs them on one machine (in one pass where {@link #path} says so), and hands
     * their rows to {@code sink} in that order: what a member of a cluster does with its share.
     * A combination that fails is thrown, as {@link CombinationFailedException}, after the rows before it.
     * An interrupted thread gives the batch up between combinations (and within one pass over the
     * bars) with a {@link java.util.concurrent.CancellationException}: a stopped sweep's batches stop.
     */
    public static void runBatch(OptimizeRequest sweep, CombinationPlan plan, List<Integer> ks, java.util.function.Consumer<SweepRow> sink) {
        OptimizeRequest r = sharingIndicators(sweep);
        if (OnePassSweep.refusal(sweep, plan).isEmpty()) {
            OnePassSweep.run(r, plan, ks).drainTo(sink);
            return;
        }
        for (int k : ks) {
            OnePassSweep.giveUpIfInterrupted();
            sink.accept(runCombination(r, plan.id(k), plan.params(k)));
        }
    }

    /**
     * How many combinations one batch of {@link #runBatch} should hold when {@code todo} of them
     * are shared among {@code slots} workers: as many as one pass over the bars takes well, but
     * few enough that every worker gets some.
     */
    public static int batchSize(OptimizeRequest sweep, int todo, int slots) {
        int size = OnePassSweep.batchSize(sweep.base().data().get(0).bars().size(), false);
        return Math.max(1, Math.min(size, (todo + slots - 1) / Math.max(1, slots)));
    }

    /** Runs every combination as its own backtest, even where one pass would do (to compare the two). */
    public static SweepResult runPerCombination(OptimizeRequest sweep, CombinationPlan plan, SweepListener listener) {
        return run(sweep, plan, listener, false);
    }

    /**
     * How the sweep will run, in a few words for the command's output: {@code one pass} for a
     * strategy of declared rules, or why each combination runs as its own backtest
     * ({@code per-combination: script uses onBar or onTick}).
     */
    public static String path(OptimizeRequest request, CombinationPlan plan) {
        return OnePassSweep.refusal(request, plan).orElse(ONE_PASS);
    }

    /**
     * Whether a sweep in one pass takes the strategy's rules as columns: tested ahead over the
     * whole series, the strategy run only at the bars where one holds and its equity worked out
     * from its holdings (the first combination decides; a later one that differs is marked bar by bar).
     */
    public static boolean rulesAsColumns(OptimizeRequest request, CombinationPlan plan) {
        return OnePassSweep.rulesAsColumns(request, plan);
    }

    /**
     * The path as {@code optimize} prints it, one line: "one pass over the bars for 100
     * combinations (declared rules, tested as columns)", or "each combination on its own (script
     * uses onBar or onTick)". Deciding it computes the first combination's indicators: into the
     * request's indicator cache, where the sweep finds them if it runs the same request
     * ({@link #sharingIndicators}).
     */
    public static String describePath(OptimizeRequest request, CombinationPlan plan) {
        return OnePassSweep.describe(request, plan);
    }

    /** What {@link #path} says of a sweep that runs in one pass. */
    public static final String ONE_PASS = "one pass over the bars for all combinations";

    /** {@code onePass} null: one pass where the strategy allows it, decided only if something is left to run. */
    private static SweepResult run(OptimizeRequest sweep, CombinationPlan plan, SweepListener listener, Boolean onePass) {
        return run(sweep, plan, listener, onePass, Optional.empty());
    }

    private static SweepResult run(OptimizeRequest sweep, CombinationPlan plan, SweepListener listener, Boolean onePass,
                                   Optional<SweepWorkers> workers) {
        OptimizeRequest request = sharingIndicators(sweep);
        String name = request.strategy().bind(plan.params(0)).name();
        Optional<SweepJournal> journal = request.out().map(dir -> SweepJournal.open(dir, SweepDefinition.of(request, plan), request.resume()));
        try {
            journal.ifPresent(j -> j.checkRowsBelongTo(plan));
            return execute(request, plan, name, journal, listener, onePass, workers);
        } finally {
            journal.ifPresent(SweepJournal::close);
        }
    }

    /**
     * The request with one indicator cache for all its combinations, so each distinct indicator
     * (SMA(close, 20), say) is computed once for the sweep rather than once per combination. A
     * caller that asks {@link #describePath} first and then runs the sweep gives both this same
     * request, so the indicators computed to decide the path serve the sweep too.
     */
    public static OptimizeRequest sharingIndicators(OptimizeRequest request) {
        if (request.base().indicatorCache().isPresent()) return request;
        return request.withBase(request.base().withIndicatorCache(new io.tradeshell.engine.indicators.IndicatorCache()));
    }

    /** Checks a request and returns the combinations it would run, without running any. */
    public static CombinationPlan plan(OptimizeRequest r) {
        Map<String, Object> declared = r.strategy().defaults();
        r.space().checkDeclared(declared, r.strategy().name());
        r.constraint().check(declared);
        boolean anyBars = r.base().data().stream().anyMatch(d -> !d.bars().isEmpty());
        if (!anyBars) throw new IllegalArgumentException("the data has no bars to run on");
        CombinationPlan plan = CombinationPlan.of(r.space(), r.constraint(), declared, r.search());
        checkValues(r, plan);
        return plan;
    }

    /**
     * Binds, for every distinct value of every parameter, the first planned combination that
     * has it: a value the script refuses fails now, not mid-sweep, and each is checked in a
     * combination that will really run (a script may refuse slow = 5 only beside fast = 10).
     */
    private static void checkValues(OptimizeRequest r, CombinationPlan plan) {
        List<ParamRange> ranges = r.space().ranges();
        boolean[][] seen = new boolean[ranges.size()][];
        long left = 0;
        for (int j = 0; j < ranges.size(); j++) {
            seen[j] = new boolean[ranges.get(j).size()];
            left += ranges.get(j).size();
        }
        for (int k = 0; k < plan.size() && left > 0; k++) {
            long rest = plan.id(k);
            boolean fresh = false;
            for (int j = ranges.size() - 1; j >= 0; j--) {
                int digit = (int) (rest % ranges.get(j).size());
                rest /= ranges.get(j).size();
                if (!seen[j][digit]) {
                    seen[j][digit] = true;
                    left--;
                    fresh = true;
                }
            }
            if (fresh) r.strategy().bind(plan.params(k));
        }
    }

    private static SweepResult execute(OptimizeRequest r, CombinationPlan plan, String name, Optional<SweepJournal> journal,
                                       SweepListener listener, Boolean onePass, Optional<SweepWorkers> workers) {
        List<SweepRow> rows = new ArrayList<>(plan.size());
        Set<Long> done = new HashSet<>();
        for (SweepRow row : journal.map(SweepJournal::done).orElse(List.of())) {
            if (done.add(row.id())) rows.add(row);
        }
        int resumed = rows.size();
        List<Integer> todo = new ArrayList<>();
        for (int k = 0; k < plan.size(); k++) if (!done.contains(plan.id(k))) todo.add(k);

        long started = System.nanoTime();
        AtomicInteger finished = new AtomicInteger(resumed);
        boolean stopped = false;
        Sink sink = row -> {
            journal.ifPresent(j -> j.append(row));
            rows.add(row);
            listener.onRow(new SweepProgress(finished.incrementAndGet(), plan.size(), resumed, System.nanoTime() - started), row);
        };
        // deciding the path creates a strategy to look at, so a sweep with nothing left to run never does
        OnePassSweep.Decision decision;
        if (todo.isEmpty()) {
            stopped = false;
        } else if (workers.isPresent()) {
            stopped = workers.get().run(r, plan, todo, sink::accept, listener);
        } else if (onePass == null && (decision = OnePassSweep.decide(r, plan, true)).refusal().isEmpty()) {
            stopped = runBatches(r, plan, todo, sink, listener, decision.columns());
        } else if (r.threads() == 1) {
            for (int k : todo) {
                if (stop(listener)) {
                    stopped = true;
                    break;
                }
                sink.accept(runCombination(r, plan.id(k), plan.params(k)));
            }
        } else {
            stopped = runParallel(r, plan, todo, sink, listener);
        }
        long elapsed = System.nanoTime() - started;
        rows.sort(Comparator.comparingLong(SweepRow::id));
        SweepResult result = new SweepResult(name, r.space(), r.constraint(), r.objective(), rows, rows.size(), plan.size(),
                resumed, r.threads(), elapsed, stopped, r.minTrades(), r.out());
        r.out().ifPresent(dir -> SweepJournal.writeBest(dir, result, r.top()));
        return result;
    }

    private interface Sink {
        void accept(SweepRow row);
    }

    /**
     * Keeps a few combinations per thread in flight and takes results in plan order, so rows
     * reach the file in the same order as a sequential run while memory stays bounded.
     */
    private static boolean runParallel(OptimizeRequest r, CombinationPlan plan, List<Integer> todo, Sink sink, SweepListener listener) {
        ExecutorService pool = pool(r.threads());
        int ahead = r.threads() * 4;
        ArrayDeque<Pending> inFlight = new ArrayDeque<>(ahead);
        boolean stopped = false;
        try {
            for (int k : todo) {
                if (stop(listener)) {
                    stopped = true;
                    break;
                }
                while (inFlight.size() >= ahead) sink.accept(inFlight.poll().take());
                long id = plan.id(k);
                Map<String, Object> params = plan.params(k);
                inFlight.add(new Pending(params, pool.submit(() -> runCombination(r, id, params))));
            }
            while (!inFlight.isEmpty()) sink.accept(inFlight.poll().take());
        } catch (Interrupted e) {
            stopped = true; // rows already written stay; the ones in flight are dropped
        } finally {
            pool.shutdownNow();
        }
        return stopped;
    }

    /**
     * The one-pass kernel over batches of combinations, on {@code threads} threads, the rows
     * handed on in plan order as batches finish (a batch's rows wait for the batches before it).
     */
    private static boolean runBatches(OptimizeRequest r, CombinationPlan plan, List<Integer> todo, Sink sink, SweepListener listener,
                                      boolean columns) {
        int bars = r.base().data().get(0).bars().size();
        int size = OnePassSweep.batchSize(bars, columns);
        if (r.threads() > 1) size = Math.max(1, Math.min(size, (todo.size() + r.threads() - 1) / r.threads()));
        List<List<Integer>> batches = new ArrayList<>();
        for (int from = 0; from < todo.size(); from += size) batches.add(todo.subList(from, Math.min(todo.size(), from + size)));
        if (r.threads() == 1) {
            try {
                for (List<Integer> batch : batches) {
                    if (stop(listener)) return true;
                    OnePassSweep.run(r, plan, batch).drainTo(sink::accept);
                }
            } catch (java.util.concurrent.CancellationException e) {
                return true; // interrupted mid-batch: the rows before it stay
            }
            return false;
        }
        ExecutorService pool = pool(r.threads());
        ArrayDeque<Future<OnePassSweep.Batch>> inFlight = new ArrayDeque<>();
        try {
            for (List<Integer> batch : batches) {
                if (stop(listener)) return true;
                while (inFlight.size() >= r.threads() * 2) take(inFlight.poll()).drainTo(sink::accept);
                inFlight.add(pool.submit(() -> OnePassSweep.run(r, plan, batch)));
            }
            while (!inFlight.isEmpty()) {
                if (stop(listener)) return true;
                take(inFlight.poll()).drainTo(sink::accept);
            }
            return false;
        } catch (Interrupted e) {
            return true;
        } finally {
            pool.shutdownNow();
        }
    }

    private static OnePassSweep.Batch take(Future<OnePassSweep.Batch> batch) {
        try {
            return batch.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.util.concurrent.CancellationException) throw new Interrupted();
            if (e.getCause() instanceof RuntimeException x) throw x;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted();
        }
    }

    private static ExecutorService pool(int threads) {
        AtomicInteger threadNumber = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "sweep-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A stop asked for by the listener, or by interrupting the thread that runs the sweep (the console's Ctrl-C). */
    private static boolean stop(SweepListener listener) {
        return listener.stopRequested() || Thread.currentThread().isInterrupted();
    }

    /** The calling thread was interrupted while it waited for a combination. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super(null, null, false, false);
        }
    }

    private record Pending(Map<String, Object> params, Future<SweepRow> future) {
        SweepRow take() {
            try {
                return future.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof CombinationFailedException c) throw c;
                throw new CombinationFailedException(params, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Interrupted();
            }
        }
    }

    /** One combination as its own backtest, reduced to the figures a sweep keeps. */
    static SweepRow runCombination(OptimizeRequest r, long id, Map<String, Object> params) {
        try {
            StrategyFactory factory = r.strategy().bind(params);
            RunResult result = Backtest.run(r.base().withStrategy(factory));
            return row(id, factory, result, r.base().cash());
        } catch (CombinationFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CombinationFailedException(params, e);
        }
    }

    static SweepRow row(long id, StrategyFactory factory, RunResult result, double cash) {
        RunMetrics metrics = result.metrics() != null ? result.metrics() : noBars(cash);
        ReturnMoments moments = ReturnMoments.of(result.curve().returns(cash));
        return new SweepRow(id, Collections.unmodifiableMap(new LinkedHashMap<>(factory.params())), metrics, moments);
    }

    static RunMetrics noBars(double cash) {
        return MetricsCalculator.compute(new EquityCurve(new long[0], new double[0], new double[0]), List.of(), cash, 0, Double.NaN);
    }

    /** The total number of bars a combination replays, for speed figures. */
    public static long barsPerCombination(RunSpec spec) {
        long n = 0;
        for (DataInput d : spec.data()) n += d.bars().size();
        return n;
    }
}
