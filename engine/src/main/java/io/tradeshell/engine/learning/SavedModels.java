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

    /**
     * The copy of the ONNX file model {@code model} was imported from, saved with the run or
     * account (its bytes, their SHA-256, and the path it was first read from as the source), or
     * empty when there is none: then the script reads the file itself. A null {@code symbol} is
     * any symbol's (a script checked before it has bars).
     */
    default Optional<Saved> findImported(String symbol, String model) {
        return Optional.empty();
    }

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
            public Optional<Saved> findImported(String symbol, String model) {
                return saved.findImported(symbol, model);
            }

            @Override
            public boolean fitsMissing() {
                return true;
            }
        };
    }

    /** A saved model's bytes and the SHA-256 they must have, and the features it was trained on. */
    record Saved(byte[] bytes, String sha256, java.util.List<String> features, String source) {
        /**
         * The bytes, once they are shown to be the ones saved and for these features; fails with an
         * {@link IllegalArgumentException} naming the file otherwise.
         */
        public byte[] checked(String model, java.util.List<String> scriptFeatures) {
            if (!features.equals(scriptFeatures)) {
                throw new IllegalArgumentException("saved model '" + model + "' in " + source + " was trained on " + features
                        + ", this script's features are " + scriptFeatures);
            }
            String sha = WalkForwardModel.sha256(bytes);
            if (!sha.equals(sha256)) throw new IllegalArgumentException("saved model '" + model + "' in " + source + " has SHA-256 " + sha + ", not the " + sha256 + " recorded with it");
            return bytes;
        }
    }
}
