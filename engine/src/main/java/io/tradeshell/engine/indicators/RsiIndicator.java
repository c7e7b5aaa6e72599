package io.tradeshell.engine.indicators;

/**
 * Relative strength index, as ta4j's {@code RSIIndicator}: Wilder-smoothed ({@link MmaIndicator})
 * gains and losses between consecutive values, {@code 100 - 100 / (1 + gain / loss)}; 100 when
 * there are only gains, 0 when the input has not moved at all. NaN for the first
 * {@code barCount} bars plus the input's warm-up.
 *
 * <p>The two averages are kept as running fields rather than as separate cached indicators:
 * {@link Indicator} calls {@code calculate} once per bar in order, so the fields always hold the
 * averages of the previous bar.
 */
public final class RsiIndicator extends Indicator {
    private final Indicator input;
    private final int barCount;
    private final double multiplier;
    private final int unstable;
    private double averageGain = Double.NaN;
    private double averageLoss = Double.NaN;

    public RsiIndicator(Indicator input, int barCount) {
        super(input.series());
        if (barCount < 1) throw new IllegalArgumentException("RSI bar count must be at least 1, was " + barCount);
        this.input = input;
        this.barCount = barCount;
        this.multiplier = 1.0 / barCount;
        this.unstable = barCount + input.unstableBars();
    }

    @Override
    protected double calculate(int i) {
        double gain = 0, loss = 0;
        if (i > 0) {
            double now = input.value(i), before = input.value(i - 1);
            if (now > before) gain = now - before;
            else if (now < before) loss = before - now;
        }
        if (i >= barCount) {
            averageGain = Double.isNaN(averageGain) ? gain : averageGain + (gain - averageGain) * multiplier;
            averageLoss = Double.isNaN(averageLoss) ? loss : averageLoss + (loss - averageLoss) * multiplier;
        }
        if (i < unstable || Double.isNaN(averageGain) || Double.isNaN(averageLoss)) return Double.NaN;
        if (averageLoss == 0) return averageGain == 0 ? 0 : 100;
        return 100 - 100 / (1 + averageGain / averageLoss);
    }

    @Override
    public int unstableBars() {
        return unstable;
    }

    @Override
    public String toString() {
        return "RSI(" + input + ", " + barCount + ")";
    }
}
