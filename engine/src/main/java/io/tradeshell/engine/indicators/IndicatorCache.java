package io.tradeshell.engine.indicators;

import io.tradeshell.engine.model.BarSeries;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Indicator values shared by the runs of one parameter sweep: an indicator over a loaded series
 * is computed once per distinct definition (say SMA(close, 20)) and every combination that uses
 * it reads the same array. Thread-safe; runs in parallel share it.
 *
 * <p>Sharing keeps causality: a run reads the values through {@link Shared}, an indicator bound
 * to the run's own growing series, so it can still only ask for bars that have closed, and the
 * value at a bar depends only on bars up to it, as it would have if the run computed it.
 */
public final class IndicatorCache {
    private record Key(BarSeries source, String definition) { }

    private record Values(double[] values, int unstableBars, String name) { }

    private final Map<Key, Values> values = new ConcurrentHashMap<>();

    /**
     * The indicator {@code definition} names, as {@code build} makes it over a series, computed
     * once over {@code source} and read through the run's {@code visible} series.
     */
    public Indicator shared(BarSeries source, BarSeries visible, String definition, Function<BarSeries, Indicator> build) {
        Values v = values.computeIfAbsent(new Key(source, definition), k -> {
            Indicator full = build.apply(source);
            return new Values(full.all(), full.unstableBars(), full.toString());
        });
        return new Shared(visible, v.values(), v.unstableBars(), v.name());
    }

    /**
     * The values a view made by {@link #shared} reads, over the whole source series, or null
     * for any other indicator: for whoever reads them only at bars that have closed, or works
     * out at each bar something that reads no later bar (a rule's column).
     */
    public static double[] sharedValues(Indicator indicator) {
        return indicator instanceof Shared s ? s.values : null;
    }

    /** How many distinct indicators have been computed. */
    public int size() {
        return values.size();
    }

    /** A run's view of shared values: bound to the run's series, so it reads no bar before it closes. */
    static final class Shared extends Indicator {
        private final double[] values;
        private final int unstable;
        private final String name;

        Shared(BarSeries visible, double[] values, int unstable, String name) {
            super(visible, values);
            this.values = values;
            this.unstable = unstable;
            this.name = name;
        }

        @Override
        protected double calculate(int index) {
            return values[index];
        }

        @Override
        public int unstableBars() {
            return unstable;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
