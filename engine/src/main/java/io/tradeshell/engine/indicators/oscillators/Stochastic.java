package io.tradeshell.engine.indicators.oscillators;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.SmaIndicator;
import io.tradeshell.engine.model.BarSeries;

/**
 * The stochastic oscillator: %K ({@link StochasticK}) and %D, its {@code dBars}-bar SMA, as ta4j's
 * {@code StochasticOscillatorDIndicator(new SMAIndicator(k, dBars))}.
 *
 * <p>As everywhere in this engine, the SMA recovers once its window holds no NaN, where ta4j's
 * running total stays NaN for good after a flat range made %K NaN.
 */
public record Stochastic(Indicator k, Indicator d) {

    /** The usual 14-bar %K with a 3-bar %D. */
    public static Stochastic of(BarSeries series) {
        return of(series, 14, 3);
    }

    public static Stochastic of(BarSeries series, int kBars, int dBars) {
        StochasticK k = new StochasticK(series, kBars);
        return new Stochastic(k, new SmaIndicator(k, dBars));
    }
}
