package io.tradeshell.engine.indicators.channels;

import io.tradeshell.engine.indicators.HighestIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.Indicators;
import io.tradeshell.engine.indicators.LowestIndicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.PriceIndicator.Column;
import io.tradeshell.engine.model.BarSeries;

/**
 * Donchian channels, as ta4j's {@code DonchianChannelUpper/Middle/LowerIndicator}: the highest
 * high and the lowest low of the last {@code barCount} bars (this bar included, so a breakout rule
 * compares the close with {@code upper[1]}), and their midpoint.
 */
public record Donchian(Indicator upper, Indicator middle, Indicator lower) {

    public static Donchian of(BarSeries series, int barCount) {
        Indicator upper = new HighestIndicator(new PriceIndicator(series, Column.HIGH), barCount);
        Indicator lower = new LowestIndicator(new PriceIndicator(series, Column.LOW), barCount);
        return new Donchian(upper, Indicators.dividedBy(Indicators.plus(upper, lower), 2), lower);
    }
}
