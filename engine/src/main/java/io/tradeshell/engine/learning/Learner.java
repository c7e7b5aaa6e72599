package io.tradeshell.engine.learning;

/**
 * A way to fit a classifier: the engine's port, implemented by the ml module. Fitting must be
 * deterministic (same samples, same model), so backtests, live replays and reused models agree.
 */
public interface Learner {
    /**
     * Fits a model of {@code up} (the label) from {@code x}, one row of feature values per sample.
     * Fails with an {@link IllegalArgumentException} when the samples cannot be fitted.
     */
    Fitted fit(double[][] x, boolean[] up);

    /** A model saved by {@link Fitted#bytes()}; fails with an {@link IllegalArgumentException} naming why. */
    Fitted load(byte[] bytes);

    /** The learner and its settings as a script writes them, such as {@code trees(depth: 6)}. */
    String describe();

    /** A fitted model. */
    interface Fitted {
        /** The probability that the label is true for one sample's feature values. */
        double probability(double[] features);

        /** The model in the learner's own format, to be saved and loaded back exactly. */
        byte[] bytes();

        /** How much each feature contributed to the fit (summing to 1), or empty when the learner cannot say. */
        default double[] importance(int features) {
            return new double[0];
        }
    }
}
