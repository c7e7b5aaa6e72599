package io.tradeshell.engine.indicators;

/**
 * The input's value {@code bars} bars back, as ta4j's {@code PreviousValueIndicator}: NaN during
 * the first {@code bars} bars, where there is no earlier value.
 */
public final class PreviousIndicator extends Indicator {
    private final Indicator input;
    private final int bars;

    public PreviousIndicator(Indicator input, int bars) {
        super(input.series());
        if (bars < 1) throw new IllegalArgumentException("previous needs at least 1 bar back, was " + bars);
        this.input = input;
        this.bars = bars;
    }

    @Override
    protected double calculate(int i) {
        return i < bars ? Double.NaN : input.value(i - bars);
    }

    @Override
    public int unstableBars() {
        return input.unstableBars() + bars;
    }

    @Override
    public String toString() {
        return "previous(" + input + ", " + bars + ")";
    }
}
