package io.tradeshell.engine.indicators.oscillators;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.Indicators;
import io.tradeshell.engine.model.BarSeries;

/**
 * Aroon up, down and the oscillator (up minus down), as ta4j's {@code AroonUpIndicator},
 * {@code AroonDownIndicator} and {@code AroonOscillatorIndicator}.
 */
public record Aroon(Indicator up, Indicator down, Indicator oscillator) {

    /** The usual 25-bar Aroon. */
    public static Aroon of(BarSeries series) {
        return of(series, 25);
    }

    public static Aroon of(BarSeries series, int barCount) {
        Indicator up = new AroonLine(series, barCount, true);
        Indicator down = new AroonLine(series, barCount, false);
        return new Aroon(up, down, Indicators.minus(up, down));
    }
}
