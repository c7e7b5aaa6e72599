package io.tradeshell.engine.indicators;

/**
 * The recursive average shared by {@link EmaIndicator} and {@link MmaIndicator}, as ta4j's
 * {@code AbstractEMAIndicator}: NaN for the first {@code barCount} bars, then seeded with the
 * input's value at the first bar whose previous average is NaN, then
 * {@code prev + (value - prev) * multiplier}. A NaN input gives NaN and the next bar re-seeds.
 */
abstract sealed class ExponentialAverage extends Indicator permits EmaIndicator, MmaIndicator {
    private final Indicator input;
    private final int barCount;
    private final double multiplier;

    ExponentialAverage(Indicator input, int barCount, double multiplier) {
        super(input.series());
        if (barCount < 1) throw new IllegalArgumentException(name() + " bar count must be at least 1, was " + barCount);
        this.input = input;
        this.barCount = barCount;
        this.multiplier = multiplier;
    }

    abstract String name();

    @Override
    protected final double calculate(int i) {
        if (i < barCount) return Double.NaN;
        double value = input.value(i);
        if (Double.isNaN(value)) return Double.NaN;
        double prev = value(i - 1);
        if (Double.isNaN(prev)) return value;
        return prev + (value - prev) * multiplier;
    }

    public final int barCount() {
        return barCount;
    }

    /** ta4j counts only this average's own bars, not the input's warm-up. */
    @Override
    public final int unstableBars() {
        return barCount;
    }

    @Override
    public final String toString() {
        return name() + "(" + input + ", " + barCount + ")";
    }
}
