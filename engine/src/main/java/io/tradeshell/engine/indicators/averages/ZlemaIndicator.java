package io.tradeshell.engine.indicators.averages;

import io.tradeshell.engine.indicators.Indicator;

/**
 * Zero-lag EMA, as ta4j's {@code ZLEMAIndicator}: an EMA (weight {@code 2 / (barCount + 1)}) of
 * {@code 2 * value - value (barCount - 1) / 2 bars ago}, which cancels most of the EMA's lag; the
 * plain mean of the values so far until {@code barCount} bars have closed.
 */
public final class ZlemaIndicator extends Indicator {
    private final Indicator input;
    private final int barCount;
    private final double k;
    private final int lag;
    private double sum;

    public ZlemaIndicator(Indicator input, int barCount) {
        super(input.series());
        if (barCount < 1) throw new IllegalArgumentException("ZLEMA bar count must be at least 1, was " + barCount);
        this.input = input;
        this.barCount = barCount;
        this.k = 2.0 / (barCount + 1);
        this.lag = (barCount - 1) / 2;
    }

    @Override
    protected double calculate(int i) {
        double x = input.value(i);
        if (i + 1 < barCount) {
            sum += x;
            return sum / (i + 1);
        }
        if (i == 0) return x;
        return k * (2 * x - input.value(i - lag)) + (1 - k) * value(i - 1);
    }

    @Override
    public int unstableBars() {
        return input.unstableBars() + barCount;
    }

    @Override
    public String toString() {
        return "ZLEMA(" + input + ", " + barCount + ")";
    }
}
