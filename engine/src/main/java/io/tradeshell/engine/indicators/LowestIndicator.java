package io.tradeshell.engine.indicators;

/** The lowest value of the last {@code barCount} values, as ta4j's {@code LowestValueIndicator}. */
public final class LowestIndicator extends SlidingExtreme {
    public LowestIndicator(Indicator input, int barCount) {
        super(input, barCount, false);
    }
}
