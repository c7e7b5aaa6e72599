package io.tradeshell.engine.data;

import java.math.BigDecimal;

/**
 * A running sum of amounts written as decimals (trade sizes), kept exactly: as a whole number
 * of hundred-millionths while every amount is one, as a {@link BigDecimal} once one is not.
 * The total is rounded to a double once, when it is read, so summing a bar's trades in
 * another order, or on another machine, gives the same volume to the last bit.
 */
final class ExactSum {
    private static final double SCALE = 1e8;
    /** Below this an amount's double is close enough to tell every 8-decimal value apart. */
    private static final double FAST_LIMIT = 1e7;
    private static final double EXACT_LONG = 9_007_199_254_740_992d; // 2^53

    private long units;
    private BigDecimal big;

    void reset() {
        units = 0;
        big = null;
    }

    /** Adds a finite amount, taken as the shortest decimal that reads back as it. */
    void add(double amount) {
        if (big == null) {
            if (Math.abs(amount) < FAST_LIMIT) {
                long u = (long) Math.rint(amount * SCALE);
                long sum = units + u;
                if (u / SCALE == amount && ((units ^ sum) & (u ^ sum)) >= 0) {
                    units = sum;
                    return;
                }
            }
            big = BigDecimal.valueOf(units, 8);
        }
        big = big.add(BigDecimal.valueOf(amount));
    }

    /** The sum, rounded once to the nearest double; infinite when it is beyond the largest double. */
    double value() {
        if (big != null) return big.doubleValue();
        return Math.abs(units) < EXACT_LONG ? units / SCALE : BigDecimal.valueOf(units, 8).doubleValue();
    }
}
