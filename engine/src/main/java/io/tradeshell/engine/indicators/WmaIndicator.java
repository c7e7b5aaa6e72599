package io.tradeshell.engine.indicators;

/**
 * Weighted moving average, as ta4j's {@code WMAIndicator}: weights 1..barCount from the oldest
 * bar of the window to the newest, NaN until the window is full.
 */
public final class WmaIndicator extends Indicator {
    private final Indicator input;
    private final int barCount;
    private final int unstable;

    public WmaIndicator(Indicator input, int barCount) {
        super(input.series());
        if (barCount < 1) throw new IllegalArgumentException("WMA bar count must be at least 1, was " + barCount);
        this.input = input;
        this.barCount = barCount;
        this.unstable = input.unstableBars() + barCount - 1;
    }

    @Override
    protected double calculate(int i) {
        if (i < unstable) return Double.NaN;
        int n = Math.min(i + 1, barCount);
        // Summed afresh each bar: a value depends only on its window, never on rounding history.
        double sum = 0;
        for (int w = 1, k = i - n + 1; k <= i; w++, k++) sum += w * input.value(k);
        return sum / (n * (n + 1) / 2);
    }

    @Override
    public int unstableBars() {
        return unstable;
    }

    @Override
    public String toString() {
        return "WMA(" + input + ", " + barCount + ")";
    }
}
