package io.tradeshell.engine.optimize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a sweep found: one row per combination in grid order, ranked by the objective on
 * demand, with the overfitting check of the best. A value the console can rank, filter, chart
 * and save; filtering keeps the number of combinations tried, so the deflated Sharpe ratio
 * still accounts for every one.
 */
public final class SweepResult {
    private final String name;
    private final ParamSpace space;
    private final Constraint constraint;
    private final Objective objective;
    private final List<SweepRow> rows;
    private final int trials;
    private final int planned;
    private final int resumed;
    private final int threads;
    private final long elapsedNanos;
    private final boolean stoppedEarly;
    private final int minTrades;
    private final Optional<Path> dir;
    /** Variance of the Sharpe ratios of every trial, kept through filtering so the deflation uses one set of trials. */
    private final double trialSharpeVariance;

    public SweepResult(String name, ParamSpace space, Constraint constraint, Objective objective, List<SweepRow> rows,
                       int trials, int planned, int resumed, int threads, long elapsedNanos, boolean stoppedEarly,
                       int minTrades, Optional<Path> dir) {
        this(name, space, constraint, objective, rows, trials, planned, resumed, threads, elapsedNanos, stoppedEarly, minTrades, dir,
                SelectionCheck.varianceOfSharpes(rows));
    }

    private SweepResult(String name, ParamSpace space, Constraint constraint, Objective objective, List<SweepRow> rows,
                        int trials, int planned, int resumed, int threads, long elapsedNanos, boolean stoppedEarly,
                        int minTrades, Optional<Path> dir, double trialSharpeVariance) {
        this.name = name;
        this.space = space;
        this.constraint = constraint;
        this.objective = objective;
        this.rows = List.copyOf(rows);
        this.trials = trials;
        this.planned = planned;
        this.resumed = resumed;
        this.threads = threads;
        this.elapsedNanos = elapsedNanos;
        this.stoppedEarly = stoppedEarly;
        this.minTrades = minTrades;
        this.dir = dir;
        this.trialSharpeVariance = trialSharpeVariance;
    }

    public String name() { return name; }
    public ParamSpace space() { return space; }
    public Constraint constraint() { return constraint; }
    public Objective objective() { return objective; }
    /** Every row, in grid order. */
    public List<SweepRow> rows() { return rows; }
    /** Combinations tried: what the deflated Sharpe ratio corrects for. */
    public int trials() { return trials; }
    /** Combinations in the plan (more than the rows if the sweep was stopped). */
    public int planned() { return planned; }
    /** Rows read back from an earlier, interrupted run of the same sweep. */
    public int resumed() { return resumed; }
    public int threads() { return threads; }
    public long elapsedNanos() { return elapsedNanos; }
    public boolean stoppedEarly() { return stoppedEarly; }
    public int minTrades() { return minTrades; }
    /** Where the sweep's files are, if it wrote any. */
    public Optional<Path> dir() { return dir; }

    /** Combinations run per second in this session (resumed rows not counted). */
    public double combinationsPerSecond() {
        int ran = rows.size() - resumed;
        return ran > 0 && elapsedNanos > 0 ? ran * 1e9 / elapsedNanos : Double.NaN;
    }

    /** Best first by the objective; ties keep grid order, so the ranking never depends on timing. */
    public Comparator<SweepRow> ranking() {
        return (a, b) -> {
            int c = objective.compare(a.objective(objective), b.objective(objective));
            return c != 0 ? c : Long.compare(a.id(), b.id());
        };
    }

    public List<SweepRow> ranked() {
        List<SweepRow> out = new ArrayList<>(rows);
        out.sort(ranking());
        return out;
    }

    public List<SweepRow> top(int n) {
        List<SweepRow> r = ranked();
        return r.subList(0, Math.min(n, r.size()));
    }

    public Optional<SweepRow> best() {
        return rows.stream().min(ranking());
    }

    /** PSR, DSR and warnings for the best row; empty without rows. */
    public Optional<SelectionCheck> selection() {
        return best().map(b -> SelectionCheck.of(b, trials, trialSharpeVariance, minTrades));
    }

    /** The rows that pass {@code keep}; the number of combinations tried stays the same. */
    public SweepResult filter(Predicate<SweepRow> keep) {
        return new SweepResult(name, space, constraint, objective, rows.stream().filter(keep).toList(), trials, planned,
                resumed, threads, elapsedNanos, stoppedEarly, minTrades, dir, trialSharpeVariance);
    }

    /** The same rows ranked by another objective. */
    public SweepResult rankedBy(Objective other) {
        return new SweepResult(name, space, constraint, other, rows, trials, planned, resumed, threads, elapsedNanos,
                stoppedEarly, minTrades, dir, trialSharpeVariance);
    }

    /** The objective over two swept parameters, best over the others per cell. */
    public Heatmap heatmap(String x, String y) {
        if (x.equals(y)) throw new IllegalArgumentException("a heatmap needs two different params, got '" + x + "' twice");
        List<Object> xs = valuesOf(x), ys = valuesOf(y);
        Map<Object, Integer> xi = index(xs), yi = index(ys);
        double[][] v = new double[ys.size()][xs.size()];
        for (double[] line : v) java.util.Arrays.fill(line, Double.NaN);
        for (SweepRow r : rows) {
            Integer i = xi.get(key(r.param(x))), j = yi.get(key(r.param(y)));
            if (i == null || j == null) continue;
            v[j][i] = better(v[j][i], r.objective(objective));
        }
        return new Heatmap(x, y, xs, ys, v, objective);
    }

    /** The objective along one swept parameter, best over the others per value. */
    public ParamLine line(String x) {
        List<Object> xs = valuesOf(x);
        Map<Object, Integer> xi = index(xs);
        double[] v = new double[xs.size()];
        java.util.Arrays.fill(v, Double.NaN);
        for (SweepRow r : rows) {
            Integer i = xi.get(key(r.param(x)));
            if (i != null) v[i] = better(v[i], r.objective(objective));
        }
        return new ParamLine(x, xs, v, objective);
    }

    private double better(double current, double candidate) {
        if (Double.isNaN(current)) return candidate;
        return objective.compare(candidate, current) < 0 ? candidate : current;
    }

    private List<Object> valuesOf(String name) {
        for (ParamRange r : space.ranges()) if (r.name().equals(name)) return r.values();
        throw new IllegalArgumentException("'" + name + "' is not a swept param (swept: " + String.join(", ", space.names()) + ")");
    }

    private static Map<Object, Integer> index(List<Object> values) {
        Map<Object, Integer> m = new HashMap<>();
        for (int k = 0; k < values.size(); k++) m.put(key(values.get(k)), k);
        return m;
    }

    /** Numbers match by value whatever their type (the script may have turned 5 into 5.0). */
    private static Object key(Object v) {
        return v instanceof Number n ? (Object) n.doubleValue() : String.valueOf(v);
    }

    /** Writes the rows ({@code optimize.jsonl}) and the ranking ({@code best.json}) into {@code dir}. */
    public void save(Path dir, int top) {
        SweepJournal.save(this, dir, top);
    }

    @Override
    public String toString() {
        String head = String.format(Locale.ROOT, "%s: %d of %d combinations by %s", name, rows.size(), planned, objective);
        return best().map(b -> head + ", best " + b).orElse(head + ", no rows");
    }
}
