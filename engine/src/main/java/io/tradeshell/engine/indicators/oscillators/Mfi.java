package io.tradeshell.engine.indicators.oscillators;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.model.BarSeries;

/**
 * Money flow index, as ta4j's {@code MoneyFlowIndexIndicator}: the RSI of money flow (typical
 * price times volume) over {@code barCount} bars, a flow counting as positive when the typical
 * price rose from the bar before and negative when it fell; each sum is floored at 1 before the
 * ratio. NaN for the first {@code barCount} bars.
 */
public final class Mfi extends Indicator {
    private final int barCount;
    private final TypicalPrice typical;

    public Mfi(BarSeries series, int barCount) {
        super(series);
        if (barCount < 1) throw new IllegalArgumentException("MFI bar count must be at least 1, was " + barCount);
        this.barCount = barCount;
        this.typical = new TypicalPrice(series);
    }

    @Override
    protected double calculate(int i) {
        if (i < barCount) return Double.NaN;
        double positive = 0, negative = 0;
        for (int k = i - barCount + 1; k <= i; k++) {
            double now = typical.value(k), before = typical.value(k - 1);
            double flow = now * series.volume(k);
            if (now > before) positive += flow;
            else if (now < before) negative += flow;
        }
        double ratio = Math.max(positive, 1) / Math.max(negative, 1);
        return 100 - 100 / (1 + ratio);
    }

    @Override
    public int unstableBars() {
        return barCount;
    }

    @Override
    public String toString() {
        return "MFI(" + barCount + ")";
    }
}
