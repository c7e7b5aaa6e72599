package io.tradeshell.engine.indicators.oscillators;

import io.tradeshell.engine.indicators.HighestIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.Indicators;
import io.tradeshell.engine.indicators.LowestIndicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.PriceIndicator.Column;
import io.tradeshell.engine.model.BarSeries;

/**
 * Williams %R, as ta4j's {@code WilliamsRIndicator}: {@code -100 * (highest high - close) / (highest high - lowest low)}
 * over the last {@code barCount} bars, from 0 (close at the top) to -100; NaN when the range is empty.
 */
public final class WilliamsR extends Indicator {
    private final int barCount;
    private final Indicator highest;
    private final Indicator lowest;

    public WilliamsR(BarSeries series, int barCount) {
        super(series);
        if (barCount < 1) throw new IllegalArgumentException("Williams %R bar count must be at least 1, was " + barCount);
        this.barCount = barCount;
        this.highest = new HighestIndicator(new PriceIndicator(series, Column.HIGH), barCount);
        this.lowest = new LowestIndicator(new PriceIndicator(series, Column.LOW), barCount);
    }

    @Override
    protected double calculate(int i) {
        double high = highest.value(i);
        return Indicators.quotient(high - series.close(i), high - lowest.value(i)) * -100;
    }

    @Override
    public int unstableBars() {
        return barCount - 1;
    }

    @Override
    public String toString() {
        return "WilliamsR(" + barCount + ")";
    }
}
