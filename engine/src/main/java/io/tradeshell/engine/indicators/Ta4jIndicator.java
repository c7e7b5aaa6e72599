package io.tradeshell.engine.indicators;

import io.tradeshell.engine.model.BarSeries;
import java.util.Objects;
import java.util.function.Function;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * Any ta4j indicator used as one of ours, for the many ta4j indicators without a native
 * version. It keeps its own ta4j series ({@code DoubleNum}) and copies bars into it only up to
 * the bar asked for, so it grows with a live feed and never sees a bar that has not closed.
 * Slower than the native indicators (ta4j boxes every number), but exactly ta4j's values.
 *
 * <p>{@code DoubleNum} is the fast default. Where an indicator tests for an exact zero (CCI's mean
 * deviation over a flat stretch) its rounding can differ from ta4j on {@code DecimalNum}; pass
 * {@code DecimalNumFactory.getInstance()} to get the decimal results at decimal speed.
 */
public final class Ta4jIndicator extends Indicator {
    private final org.ta4j.core.BarSeries mirror;
    private final org.ta4j.core.Indicator<Num> delegate;
    private final String name;
    private final int unstable;

    private Ta4jIndicator(BarSeries series, org.ta4j.core.BarSeries mirror, org.ta4j.core.Indicator<Num> delegate, String name) {
        super(series);
        this.mirror = mirror;
        this.delegate = delegate;
        this.name = name;
        this.unstable = delegate.getCountOfUnstableBars();
    }

    /**
     * Builds a ta4j indicator over a ta4j copy of {@code series}, for example
     * {@code of(series, s -> new KAMAIndicator(new ClosePriceIndicator(s)), "KAMA(close)")}.
     */
    public static Ta4jIndicator of(BarSeries series, Function<org.ta4j.core.BarSeries, org.ta4j.core.Indicator<Num>> build, String name) {
        return of(series, build, name, DoubleNumFactory.getInstance());
    }

    /** As {@link #of(BarSeries, Function, String)}, with ta4j numbers from {@code numbers}. */
    public static Ta4jIndicator of(BarSeries series, Function<org.ta4j.core.BarSeries, org.ta4j.core.Indicator<Num>> build, String name,
                                   NumFactory numbers) {
        org.ta4j.core.BarSeries mirror = Ta4jBars.emptyLike(series, numbers);
        org.ta4j.core.Indicator<Num> delegate = Objects.requireNonNull(build.apply(mirror), "the ta4j indicator built for " + name);
        if (delegate.getBarSeries() != mirror) {
            throw new IllegalArgumentException(name + " must be built on the series it is given, not on another one");
        }
        return new Ta4jIndicator(series, mirror, delegate, name);
    }

    @Override
    protected double calculate(int i) {
        while (mirror.getBarCount() <= i) Ta4jBars.append(mirror, series, mirror.getBarCount());
        Num v = delegate.getValue(i);
        return v == null || v.isNaN() ? Double.NaN : v.doubleValue();
    }

    /** The wrapped ta4j indicator. */
    public org.ta4j.core.Indicator<Num> delegate() {
        return delegate;
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
