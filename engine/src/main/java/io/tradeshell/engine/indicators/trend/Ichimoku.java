package io.tradeshell.engine.indicators.trend;

import io.tradeshell.engine.indicators.HighestIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.Indicators;
import io.tradeshell.engine.indicators.LowestIndicator;
import io.tradeshell.engine.indicators.PreviousIndicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.PriceIndicator.Column;
import io.tradeshell.engine.model.BarSeries;

/**
 * Ichimoku lines as ta4j builds them: tenkan-sen and kijun-sen are the midpoints of the high-low
 * range over their bar counts; senkou span A (their mean) and senkou span B (the midpoint over
 * {@code spanBBars}) are read {@code offset - 1} bars late, which is how a cloud drawn ahead of
 * the price looks from the bar it is drawn at.
 *
 * <p>There is no chikou span: ta4j's value at a bar is the close {@code offset} bars later, which
 * no strategy may see. Compare the close with {@code close[26]} instead.
 */
public record Ichimoku(Indicator tenkan, Indicator kijun, Indicator senkouA, Indicator senkouB) {

    /** The usual 9, 26, 52 with the cloud 26 bars ahead. */
    public static Ichimoku of(BarSeries series) {
        return of(series, 9, 26, 52, 26);
    }

    public static Ichimoku of(BarSeries series, int tenkanBars, int kijunBars, int spanBBars, int offset) {
        if (offset < 1) throw new IllegalArgumentException("Ichimoku offset must be at least 1, was " + offset);
        Indicator tenkan = midpoint(series, tenkanBars);
        Indicator kijun = midpoint(series, kijunBars);
        Indicator spanA = Indicators.dividedBy(Indicators.plus(tenkan, kijun), 2);
        return new Ichimoku(tenkan, kijun, late(spanA, offset), late(midpoint(series, spanBBars), offset));
    }

    /** ta4j's {@code IchimokuLineIndicator}: the middle of the highest high and lowest low. */
    private static Indicator midpoint(BarSeries series, int bars) {
        Indicator highest = new HighestIndicator(new PriceIndicator(series, Column.HIGH), bars);
        Indicator lowest = new LowestIndicator(new PriceIndicator(series, Column.LOW), bars);
        return Indicators.dividedBy(Indicators.plus(highest, lowest), 2);
    }

    private static Indicator late(Indicator line, int offset) {
        return offset == 1 ? line : new PreviousIndicator(line, offset - 1);
    }
}
