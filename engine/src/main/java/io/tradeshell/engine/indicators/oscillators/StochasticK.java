package io.tradeshell.engine.indicators.oscillators;

import io.tradeshell.engine.indicators.HighestIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.Indicators;
import io.tradeshell.engine.indicators.LowestIndicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.PriceIndicator.Column;
import io.tradeshell.engine.model.BarSeries;

/**
 * Stochastic %K, as ta4j's {@code StochasticOscillatorKIndicator}: where the close sits in the
 * range of the last {@code barCount} bars, {@code 100 * (close - lowest low) / (highest high - lowest low)};
 * NaN when the range is empty (ta4j's decimal division by zero).
 */
public final class StochasticK extends Indicator {
    private final int barCount;
    private final Indicator highest;
    private final Indicator lowest;

    public StochasticK(BarSeries series, int barCount) {
        super(series);
        if (barCount < 1) throw new IllegalArgumentException("stochastic bar count must be at least 1, was " + barCount);
        this.barCount = barCount;
        this.highest = new HighestIndicator(new PriceIndicator(series, Column.HIGH), barCount);
        this.lowest = new LowestIndicator(new PriceIndicator(series, Column.LOW), barCount);
    }

    @Override
    protected double calculate(int i) {
        double low = lowest.value(i);
        return Indicators.quotient(series.close(i) - low, highest.value(i) - low) * 100;
    }

    @Override
    public int unstableBars() {
        return barCount - 1;
    }

    @Override
    public String toString() {
        return "StochK(" + barCount + ")";
    }
}
