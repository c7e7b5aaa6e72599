package io.tradeshell.engine.indicators;

import io.tradeshell.engine.model.BarSeries;

/**
 * Volume-weighted average of the typical price {@code (high + low + close) / 3} over the last
 * {@code barCount} bars, as ta4j's {@code VWAPIndicator}. The first bar's value is its typical
 * price; a window without volume gives NaN, as ta4j's division by zero does.
 */
public final class VwapIndicator extends Indicator {
    private final int barCount;

    public VwapIndicator(BarSeries series, int barCount) {
        super(series);
        if (barCount < 1) throw new IllegalArgumentException("VWAP bar count must be at least 1, was " + barCount);
        this.barCount = barCount;
    }

    private double typicalPrice(int i) {
        return (series.high(i) + series.low(i) + series.close(i)) / 3;
    }

    @Override
    protected double calculate(int i) {
        if (i == 0) return typicalPrice(0);
        double priceVolume = 0, volume = 0;
        for (int k = Math.max(0, i - barCount + 1); k <= i; k++) {
            double v = series.volume(k);
            priceVolume += typicalPrice(k) * v;
            volume += v;
        }
        return volume == 0 ? Double.NaN : priceVolume / volume;
    }

    @Override
    public int unstableBars() {
        return barCount - 1;
    }

    @Override
    public String toString() {
        return "VWAP(" + barCount + ")";
    }
}
