package io.tradeshell.engine.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Simple moving average, as ta4j's {@code SMAIndicator}: the mean of the last {@code barCount}
 * values, or of all values so far during warm-up.
 *
 * <p>Over prices with a known decimal scale the window sum is kept as an exact scaled long, so
 * the average never drifts and two averages that are equal in decimal arithmetic compare equal
 * (a correctly rounded quotient of exact integers is the same double). Over other inputs the
 * window is summed afresh each bar, so a value depends only on its window, never on history.
 *
 * <p>One deliberate difference from ta4j: ta4j keeps a running total, so a NaN in its input
 * (the warm-up of an EMA or RSI) makes every later SMA value NaN; here the average recovers as
 * soon as the window holds no NaN.
 */
public final class SmaIndicator extends Indicator {
    /** Longs up to 2^53 convert to double exactly, so one division rounds the exact mean correctly. */
    private static final long EXACT_IN_DOUBLE = 1L << 53;
    private static final MathContext WIDE = new MathContext(60, RoundingMode.HALF_EVEN);

    private final Indicator input;
    private final int barCount;
    private final long scale;
    private long exactSum;
    /** The price column read directly on the exact path, or null. */
    private final PriceIndicator prices;

    public SmaIndicator(Indicator input, int barCount) {
        super(input.series());
        if (barCount < 1) throw new IllegalArgumentException("SMA bar count must be at least 1, was " + barCount);
        this.input = input;
        this.barCount = barCount;
        this.scale = input instanceof PriceIndicator p && p.hasExactScale() ? pow10(series.priceScale()) : 0;
        this.prices = scale != 0 ? (PriceIndicator) input : null;
    }

    @Override
    protected double calculate(int i) {
        int n = Math.min(i + 1, barCount);
        if (scale != 0) {
            exactSum += Math.round(prices.price(i) * scale);
            if (i >= barCount) exactSum -= Math.round(prices.price(i - barCount) * scale);
            long divisor = n * scale;
            if (Math.abs(exactSum) <= EXACT_IN_DOUBLE && divisor <= EXACT_IN_DOUBLE) return (double) exactSum / (double) divisor;
            // Sums past 2^53 (long windows of 8-decimal prices) would round before dividing.
            return new BigDecimal(exactSum).divide(BigDecimal.valueOf(divisor), WIDE).doubleValue();
        }
        double sum = 0;
        for (int k = i - n + 1; k <= i; k++) sum += input.value(k);
        return sum / n;
    }

    /** Over prices of a known scale, {@link #calculate}'s exact window sum in a loop of its own. */
    @Override
    protected void calculateInto(double[] values, int from, int to) {
        if (scale == 0) {
            super.calculateInto(values, from, to);
            return;
        }
        long sum = exactSum;
        try {
            for (int i = from; i < to; i++) {
                sum += Math.round(prices.price(i) * scale);
                if (i >= barCount) sum -= Math.round(prices.price(i - barCount) * scale);
                long divisor = Math.min(i + 1, barCount) * scale;
                values[i] = Math.abs(sum) <= EXACT_IN_DOUBLE && divisor <= EXACT_IN_DOUBLE ? (double) sum / (double) divisor
                        : new BigDecimal(sum).divide(BigDecimal.valueOf(divisor), WIDE).doubleValue();
            }
        } finally {
            exactSum = sum;
        }
    }

    static long pow10(int digits) {
        long p = 1;
        for (int d = 0; d < digits; d++) p *= 10;
        return p;
    }

    public int barCount() {
        return barCount;
    }

    @Override
    public int unstableBars() {
        return input.unstableBars() + barCount - 1;
    }

    @Override
    public String toString() {
        return "SMA(" + input + ", " + barCount + ")";
    }
}
