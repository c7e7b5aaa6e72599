package io.tradeshell.engine.indicators.averages;

import io.tradeshell.engine.indicators.EmaIndicator;
import io.tradeshell.engine.indicators.Indicator;

/**
 * Double and triple EMA, as ta4j's {@code DoubleEMAIndicator} ({@code 2 * e1 - e2}) and
 * {@code TripleEMAIndicator} ({@code 3 * (e1 - e2) + e3}), where each {@code e} is the EMA of the
 * one before; NaN for the input's warm-up plus two (three) times {@code barCount} bars.
 */
public final class MultipleEma extends Indicator {
    private final Indicator input;
    private final int barCount;
    private final boolean triple;
    private final Indicator e1;
    private final Indicator e2;
    private final Indicator e3;
    private final int unstable;

    private MultipleEma(Indicator input, int barCount, boolean triple) {
        super(input.series());
        this.input = input;
        this.barCount = barCount;
        this.triple = triple;
        this.e1 = new EmaIndicator(input, barCount);
        this.e2 = new EmaIndicator(e1, barCount);
        this.e3 = triple ? new EmaIndicator(e2, barCount) : null;
        this.unstable = input.unstableBars() + barCount * (triple ? 3 : 2);
    }

    /** DEMA. */
    public static MultipleEma dema(Indicator input, int barCount) {
        return new MultipleEma(input, barCount, false);
    }

    /** TEMA. */
    public static MultipleEma tema(Indicator input, int barCount) {
        return new MultipleEma(input, barCount, true);
    }

    @Override
    protected double calculate(int i) {
        if (i < unstable) return Double.NaN;
        return triple ? 3 * (e1.value(i) - e2.value(i)) + e3.value(i) : 2 * e1.value(i) - e2.value(i);
    }

    @Override
    public int unstableBars() {
        return unstable;
    }

    @Override
    public String toString() {
        return (triple ? "TEMA(" : "DEMA(") + input + ", " + barCount + ")";
    }
}
