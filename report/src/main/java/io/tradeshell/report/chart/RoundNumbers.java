package io.tradeshell.report.chart;

import java.math.BigDecimal;

/** Round numbers for scale ends and bin widths: 1, 2, 2.5 or 5 times a power of ten. */
final class RoundNumbers {
    private RoundNumbers() {}

    /**
     * The smallest round number at or above {@code value} (1 for values that are not positive).
     * Computed in decimal so the result prints cleanly (XChart prints heat-map legend ends raw).
     */
    static double atLeast(double value) {
        if (!(value > 0) || Double.isInfinite(value)) return 1.0;
        BigDecimal pow = BigDecimal.ONE.scaleByPowerOfTen((int) Math.floor(Math.log10(value)));
        for (String m : new String[] {"1", "2", "2.5", "5", "10"}) {
            double bound = new BigDecimal(m).multiply(pow).doubleValue();
            if (bound >= value) return bound;
        }
        return pow.scaleByPowerOfTen(1).doubleValue();
    }

    /** {@code units * step} computed in decimal, so 3 x 0.1 gives 0.3 and not 0.30000000000000004. */
    static double times(double units, double step) {
        return BigDecimal.valueOf(units).multiply(BigDecimal.valueOf(step)).doubleValue();
    }
}
