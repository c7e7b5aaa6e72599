package io.tradeshell.engine.indicators;

/** The highest value of the last {@code barCount} values, as ta4j's {@code HighestValueIndicator}. */
public final class HighestIndicator extends SlidingExtreme {
    public HighestIndicator(Indicator input, int barCount) {
        super(input, barCount, true);
    }
}
