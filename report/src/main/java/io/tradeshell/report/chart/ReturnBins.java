package io.tradeshell.report.chart;

import java.math.BigDecimal;

/**
 * Equal-width histogram bins over returns in percent. The width is a round number (1, 2, 2.5
 * or 5 times a power of ten) and bins start on a multiple of it, so zero is always an edge.
 *
 * @param start  left edge of bin 0, in percent
 * @param width  bin width, in percent
 * @param counts trades per bin
 * @param total  trades counted (NaN returns are skipped)
 */
public record ReturnBins(double start, double width, int[] counts, int total) {

    /** Bins for the given returns (fractions); about twice the square root of the count of bins, 6 to 40. */
    public static ReturnBins of(double[] fractions) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int total = 0;
        for (double f : fractions) {
            if (Double.isNaN(f)) continue;
            lo = Math.min(lo, f * 100);
            hi = Math.max(hi, f * 100);
            total++;
        }
        if (total == 0) return new ReturnBins(0, 1, new int[0], 0);
        int target = (int) Math.max(6, Math.min(40, Math.round(2 * Math.sqrt(total))));
        double width = RoundNumbers.atLeast(Math.max(hi - lo, 1e-6) / target);
        double start = RoundNumbers.times(Math.floor(lo / width), width);
        int count = Math.max(1, (int) Math.floor((hi - start) / width) + 1);
        int[] counts = new int[count];
        for (double f : fractions) {
            if (Double.isNaN(f)) continue;
            int b = (int) Math.floor((f * 100 - start) / width);
            counts[Math.min(count - 1, Math.max(0, b))]++;
        }
        return new ReturnBins(start, width, counts, total);
    }

    /** Left edge of bin {@code b} (or right edge of bin b-1), in percent. */
    public double edge(int b) {
        return BigDecimal.valueOf(start).add(BigDecimal.valueOf(RoundNumbers.times(b, width))).doubleValue();
    }

    /** The first bin whose left edge is at or above {@code percent}; the bin count if none. */
    int firstBinAtOrAbove(double percent) {
        for (int b = 0; b < counts.length; b++) if (edge(b) >= percent) return b;
        return counts.length;
    }
}
