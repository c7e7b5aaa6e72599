package io.tradeshell.engine.indicators.oscillators;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.Indicators;
import io.tradeshell.engine.indicators.StdDevIndicator;

/**
 * The z-score, as ta4j's {@code SigmaIndicator}: how many population standard deviations the
 * input is from its {@code barCount}-bar mean; NaN when the window has no spread.
 */
public final class ZScore extends Indicator {
    private final Indicator input;
    private final int barCount;
    private final StdDevIndicator deviation;

    public ZScore(Indicator input, int barCount) {
        super(input.series());
        this.input = input;
        this.barCount = barCount;
        this.deviation = new StdDevIndicator(input, barCount);
    }

    @Override
    protected double calculate(int i) {
        return Indicators.quotient(input.value(i) - deviation.mean().value(i), deviation.value(i));
    }

    @Override
    public int unstableBars() {
        return deviation.unstableBars();
    }

    @Override
    public String toString() {
        return "ZScore(" + input + ", " + barCount + ")";
    }
}
