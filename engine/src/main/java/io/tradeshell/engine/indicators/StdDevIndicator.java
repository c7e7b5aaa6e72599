package io.tradeshell.engine.indicators;

/**
 * Population standard deviation over the last {@code barCount} values (all values so far during
 * warm-up), as ta4j's {@code StandardDeviationIndicator}: the deviations are taken from the
 * window's {@link SmaIndicator}, so over prices the mean is exact.
 */
public final class StdDevIndicator extends Indicator {
    private final Indicator input;
    private final int barCount;
    private final SmaIndicator mean;

    public StdDevIndicator(Indicator input, int barCount) {
        this(input, new SmaIndicator(input, barCount));
    }

    /** Shares {@code mean} (an SMA of the same input and window), as Bollinger bands do. */
    StdDevIndicator(Indicator input, SmaIndicator mean) {
        super(input.series());
        this.input = input;
        this.barCount = mean.barCount();
        this.mean = mean;
    }

    /** The moving average the deviations are measured from. */
    public SmaIndicator mean() {
        return mean;
    }

    @Override
    protected double calculate(int i) {
        int start = Math.max(0, i - barCount + 1);
        double mu = mean.value(i);
        double sum = 0;
        for (int k = start; k <= i; k++) {
            double d = input.value(k) - mu;
            sum += d * d;
        }
        return Math.sqrt(sum / (i - start + 1));
    }

    @Override
    public int unstableBars() {
        return input.unstableBars() + barCount - 1;
    }

    @Override
    public String toString() {
        return "StdDev(" + input + ", " + barCount + ")";
    }
}
