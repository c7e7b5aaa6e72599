package io.tradeshell.engine.indicators.oscillators;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.Indicators;
import io.tradeshell.engine.model.BarSeries;

/**
 * Chaikin money flow, as ta4j's {@code ChaikinMoneyFlowIndicator}: the volume-weighted close
 * location value {@code ((close - low) - (high - close)) / (high - low)} over {@code barCount} bars,
 * divided by their volume. A bar with high equal to low has no close location (NaN, as ta4j's
 * decimal division gives), which makes every window holding it NaN; so does a window without volume.
 */
public final class Cmf extends Indicator {
    private final int barCount;

    public Cmf(BarSeries series, int barCount) {
        super(series);
        if (barCount < 1) throw new IllegalArgumentException("CMF bar count must be at least 1, was " + barCount);
        this.barCount = barCount;
    }

    @Override
    protected double calculate(int i) {
        double flow = 0, volume = 0;
        for (int k = Math.max(0, i - barCount + 1); k <= i; k++) {
            double high = series.high(k), low = series.low(k), close = series.close(k);
            flow += Indicators.quotient((close - low) - (high - close), high - low) * series.volume(k);
            volume += series.volume(k);
        }
        return Indicators.quotient(flow, volume);
    }

    @Override
    public int unstableBars() {
        return barCount - 1;
    }

    @Override
    public String toString() {
        return "CMF(" + barCount + ")";
    }
}
