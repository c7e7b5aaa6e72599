package io.tradeshell.engine.indicators;

/**
 * Bollinger bands as ta4j builds them: the middle band is the SMA of the input, the upper and
 * lower bands are {@code middle ± k * standard deviation} over the same window.
 */
public record BollingerBands(Indicator upper, Indicator middle, Indicator lower) {

    /** The usual 20-bar, 2-deviation bands of {@code input}. */
    public static BollingerBands of(Indicator input) {
        return of(input, 20, 2.0);
    }

    public static BollingerBands of(Indicator input, int barCount, double k) {
        SmaIndicator middle = new SmaIndicator(input, barCount);
        StdDevIndicator deviation = new StdDevIndicator(input, middle);
        return new BollingerBands(new Band(middle, deviation, k, true), middle, new Band(middle, deviation, k, false));
    }

    /** {@code middle + k * deviation} or {@code middle - k * deviation}, in one step per bar. */
    static final class Band extends Indicator {
        private final Indicator middle;
        private final Indicator deviation;
        private final double k;
        private final boolean upper;

        Band(Indicator middle, Indicator deviation, double k, boolean upper) {
            super(middle.series());
            this.middle = middle;
            this.deviation = deviation;
            this.k = k;
            this.upper = upper;
        }

        @Override
        protected double calculate(int i) {
            double width = deviation.value(i) * k;
            return upper ? middle.value(i) + width : middle.value(i) - width;
        }

        @Override
        public int unstableBars() {
            return Math.max(middle.unstableBars(), deviation.unstableBars());
        }

        @Override
        public String toString() {
            return (upper ? "BBUpper(" : "BBLower(") + middle + ", " + deviation + ", " + k + ")";
        }
    }
}
