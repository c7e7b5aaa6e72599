package io.tradeshell.engine.indicators;

/**
 * Exponential moving average, as ta4j's {@code EMAIndicator}: multiplier {@code 2 / (barCount + 1)},
 * NaN for the first {@code barCount} bars, then seeded with the input's value (not an SMA).
 */
public final class EmaIndicator extends ExponentialAverage {
    public EmaIndicator(Indicator input, int barCount) {
        super(input, barCount, 2.0 / (barCount + 1));
    }

    @Override
    String name() {
        return "EMA";
    }
}
