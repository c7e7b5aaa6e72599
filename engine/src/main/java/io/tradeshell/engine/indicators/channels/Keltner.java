package io.tradeshell.engine.indicators.channels;

import io.tradeshell.engine.indicators.AtrIndicator;
import io.tradeshell.engine.indicators.EmaIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.Indicators;
import io.tradeshell.engine.indicators.oscillators.TypicalPrice;
import io.tradeshell.engine.model.BarSeries;

/**
 * Keltner channels as ta4j's {@code KeltnerChannelMiddle/Upper/LowerIndicator} build them: the
 * middle is the {@code barCount}-bar EMA of the typical price, the bands are {@code k} ATRs over
 * {@code atrBars} bars above and below it; NaN until both have warmed up.
 */
public record Keltner(Indicator upper, Indicator middle, Indicator lower) {

    /** The usual 20-bar channel at 2 ATRs of 10 bars. */
    public static Keltner of(BarSeries series) {
        return of(series, 20, 2.0, 10);
    }

    public static Keltner of(BarSeries series, int barCount, double k, int atrBars) {
        Indicator middle = new EmaIndicator(new TypicalPrice(series), barCount);
        Indicator width = Indicators.times(new AtrIndicator(series, atrBars), k);
        return new Keltner(Indicators.plus(middle, width), middle, Indicators.minus(middle, width));
    }
}
