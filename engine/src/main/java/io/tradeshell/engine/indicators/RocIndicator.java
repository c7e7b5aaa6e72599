package io.tradeshell.engine.indicators;

/**
 * Rate of change in percent over {@code barCount} bars, as ta4j's {@code ROCIndicator}:
 * {@code (value - value n bars ago) / value n bars ago * 100}, measured from the first value
 * during warm-up. NaN when the earlier value is zero, as ta4j's division by zero gives.
 */
public final class RocIndicator extends Indicator {
    private final Indicator input;
    private final int barCount;

    public RocIndicator(Indicator input, int barCount) {
        super(input.series());
        if (barCount < 1) throw new IllegalArgumentException("ROC bar count must be at least 1, was " + barCount);
        this.input = input;
        this.barCount = barCount;
    }

    @Override
    protected double calculate(int i) {
        double before = input.value(Math.max(i - barCount, 0));
        if (before == 0) return Double.NaN;
        return (input.value(i) - before) / before * 100;
    }

    @Override
    protected boolean pointwise() {
        return true;
    }

    @Override
    public int unstableBars() {
        return input.unstableBars() + barCount;
    }

    @Override
    public String toString() {
        return "ROC(" + input + ", " + barCount + ")";
    }
}
