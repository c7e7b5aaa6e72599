package io.tradeshell.engine.indicators;

/**
 * Wilder's modified moving average, as ta4j's {@code MMAIndicator}: an {@link EmaIndicator} with
 * multiplier {@code 1 / barCount}. RSI and ATR smooth with it.
 */
public final class MmaIndicator extends ExponentialAverage {
    public MmaIndicator(Indicator input, int barCount) {
        super(input, barCount, 1.0 / barCount);
    }

    @Override
    String name() {
        return "MMA";
    }
}
