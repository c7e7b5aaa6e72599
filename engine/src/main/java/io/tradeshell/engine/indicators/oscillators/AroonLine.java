package io.tradeshell.engine.indicators.oscillators;

import io.tradeshell.engine.indicators.HighestIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.LowestIndicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.PriceIndicator.Column;
import io.tradeshell.engine.model.BarSeries;

/**
 * Aroon up or down, as ta4j's {@code AroonUpIndicator} / {@code AroonDownIndicator}: how recently
 * the highest high (lowest low) of the last {@code barCount + 1} bars was made,
 * {@code 100 * (barCount - bars since it) / barCount}; 100 on the bar that makes it.
 */
final class AroonLine extends Indicator {
    private final int barCount;
    private final boolean up;
    private final PriceIndicator price;
    private final Indicator extreme;

    AroonLine(BarSeries series, int barCount, boolean up) {
        super(series);
        if (barCount < 1) throw new IllegalArgumentException("Aroon bar count must be at least 1, was " + barCount);
        this.barCount = barCount;
        this.up = up;
        this.price = new PriceIndicator(series, up ? Column.HIGH : Column.LOW);
        this.extreme = up ? new HighestIndicator(price, barCount + 1) : new LowestIndicator(price, barCount + 1);
    }

    @Override
    protected double calculate(int i) {
        if (Double.isNaN(price.price(i))) return Double.NaN;
        double target = extreme.value(i);
        int since = 0;
        for (int k = i, end = Math.max(0, i - barCount); k > end && price.price(k) != target; k--) since++;
        return (double) (barCount - since) / barCount * 100;
    }

    @Override
    public int unstableBars() {
        return barCount;
    }

    @Override
    public String toString() {
        return (up ? "AroonUp(" : "AroonDown(") + barCount + ")";
    }
}
