package io.tradeshell.dsl;

import io.tradeshell.engine.model.BarSeries;
import java.time.Instant;

/**
 * What a custom indicator's block is handed: the bar it computes a value for, and the values it
 * gave before. {@code indicator('range') { bar -> bar.high - bar.low }}. Nothing here reaches a
 * later bar.
 */
@ScriptApi
public final class IndicatorBar {
    private final BarSeries bars;
    private final CustomIndicator self;
    int index;

    IndicatorBar(BarSeries bars, CustomIndicator self) {
        this.bars = bars;
        this.self = self;
    }

    /** The bar's index in the series (0 = first bar). */
    public int getIndex() { return index; }
    /** Its open time. */
    public Instant getTime() { return Instant.ofEpochMilli(bars.openTime(index)); }
    public double getOpen() { return bars.open(index); }
    public double getHigh() { return bars.high(index); }
    public double getLow() { return bars.low(index); }
    public double getClose() { return bars.close(index); }
    public double getVolume() { return bars.volume(index); }

    /** The indicator's value at the bar before; NaN at the first bar. */
    public double getPrev() { return ago(1); }

    /** The indicator's own value {@code barsAgo} bars before this one (1 = the bar before); NaN before the first bar. */
    public double ago(int barsAgo) {
        if (barsAgo < 1) throw new IllegalArgumentException("ago(" + barsAgo + "): an indicator's own values can be read 1 or more bars back, not its value now or later");
        int i = index - barsAgo;
        return i < 0 ? Double.NaN : self.value(i);
    }

    @Override
    public String toString() { return "bar " + index + " of " + bars.symbol(); }
}
