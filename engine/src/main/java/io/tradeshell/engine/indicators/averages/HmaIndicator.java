package io.tradeshell.engine.indicators.averages;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.Indicators;
import io.tradeshell.engine.indicators.WmaIndicator;

/**
 * Hull moving average, as ta4j's {@code HMAIndicator}: the WMA over {@code floor(sqrt(barCount))}
 * bars of {@code 2 * WMA(barCount / 2) - WMA(barCount)}; NaN while it warms up.
 */
public final class HmaIndicator extends Indicator {
    private final Indicator input;
    private final int barCount;
    private final Indicator hull;

    public HmaIndicator(Indicator input, int barCount) {
        super(input.series());
        if (barCount < 2) throw new IllegalArgumentException("HMA bar count must be at least 2, was " + barCount);
        this.input = input;
        this.barCount = barCount;
        Indicator lead = Indicators.minus(Indicators.times(new WmaIndicator(input, barCount / 2), 2), new WmaIndicator(input, barCount));
        this.hull = new WmaIndicator(lead, (int) Math.sqrt(barCount));
    }

    @Override
    protected double calculate(int i) {
        return i < hull.unstableBars() ? Double.NaN : hull.value(i);
    }

    @Override
    public int unstableBars() {
        return hull.unstableBars();
    }

    @Override
    public String toString() {
        return "HMA(" + input + ", " + barCount + ")";
    }
}
