package io.tradeshell.engine.optimize;

/**
 * How far a sweep has got, for progress bars.
 *
 * @param done    combinations finished, those read back from an earlier run included
 * @param total   combinations in the plan
 * @param resumed combinations read back from an earlier run rather than run now
 * @param elapsedNanos time spent running in this session
 */
public record SweepProgress(int done, int total, int resumed, long elapsedNanos) {
    /** Combinations run per second in this session; NaN before the first. */
    public double perSecond() {
        int ran = done - resumed;
        return ran > 0 && elapsedNanos > 0 ? ran * 1e9 / elapsedNanos : Double.NaN;
    }

    /** Estimated seconds left at the pace so far; NaN before the first combination. */
    public double secondsLeft() {
        double rate = perSecond();
        return Double.isNaN(rate) ? Double.NaN : (total - done) / rate;
    }

    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }
}
