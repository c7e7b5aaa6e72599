package io.tradeshell.engine.indicators;

/**
 * The MACD line, as ta4j's {@code MACDIndicator}: the short EMA minus the long EMA of the input.
 * NaN until the long EMA starts. See {@link Macd} for the signal line and histogram.
 */
public final class MacdIndicator extends Indicator {
    private final Indicator input;
    private final EmaIndicator shortEma;
    private final EmaIndicator longEma;

    public MacdIndicator(Indicator input, int shortBarCount, int longBarCount) {
        super(input.series());
        if (shortBarCount > longBarCount) {
            throw new IllegalArgumentException("MACD long bar count (" + longBarCount
                    + ") must not be below the short one (" + shortBarCount + ")");
        }
        this.input = input;
        this.shortEma = new EmaIndicator(input, shortBarCount);
        this.longEma = new EmaIndicator(input, longBarCount);
    }

    @Override
    protected double calculate(int i) {
        return shortEma.value(i) - longEma.value(i);
    }

    @Override
    public int unstableBars() {
        return input.unstableBars() + Math.max(shortEma.unstableBars(), longEma.unstableBars());
    }

    @Override
    public String toString() {
        return "MACD(" + input + ", " + shortEma.barCount() + ", " + longEma.barCount() + ")";
    }
}
