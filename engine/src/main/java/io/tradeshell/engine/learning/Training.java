package io.tradeshell.engine.learning;

/**
 * One fit of a walk-forward model, as the audit reads it: trained at the close of bar
 * {@code bar} on the samples of bars {@code firstSample..lastSample}, whose labels were known by
 * {@code latestLabelTime}; it predicts from {@code firstPredictionTime} (the same close) on.
 *
 * @param embargoBars bars between the last label used and the training bar (at least the schedule's embargo when purged)
 * @param reused      loaded from a saved run instead of fitted
 */
public record Training(int number, int bar, long trainedAt, long firstSampleTime, long lastSampleTime, int samples,
                       double upShare, long latestLabelTime, long firstPredictionTime, int embargoBars,
                       String sha256, byte[] bytes, boolean reused, String source, double[] importance) {

    /** Whether a label used by the fit was not yet known when the model began to predict. */
    public boolean leaks() {
        return latestLabelTime > firstPredictionTime;
    }
}
