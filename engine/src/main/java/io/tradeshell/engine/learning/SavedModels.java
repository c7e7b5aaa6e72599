package io.tradeshell.engine.learning;

import java.util.Optional;

/** Models trained by an earlier run, found by the model's name and the time it was trained. */
public interface SavedModels {
    /** No saved models: every training is fitted. */
    SavedModels NONE = fittingMissing((symbol, model, trainedAt) -> Optional.empty());

    /**
     * The saved training of {@code model} at {@code trainedAt} (epoch millis of the bar close it was
     * trained at), or empty when there is none.
     */
    Optional<Saved> find(String symbol, String model, long trainedAt);

    /** Whether a training not found is fitted (true) or stops the run (false, the default: the run asked for saved models). */
    default boolean fitsMissing() {
        return false;
    }

    /** {@code saved}, with the trainings it lacks fitted: a paper session resumed past its last saved training. */
    static SavedModels fittingMissing(SavedModels saved) {
        return new SavedModels() {
            @Override
            public Optional<Saved> find(String symbol, String model, long trainedAt) {
                return saved.find(symbol, model, trainedAt);
            }

            @Override
            public boolean fitsMissing() {
                return true;
            }
        };
    }

    /** A saved model's bytes and the SHA-256 they must have, and the features it was trained on. */
    record Saved(byte[] bytes, String sha256, java.util.List<String> features, String source) { }
}
