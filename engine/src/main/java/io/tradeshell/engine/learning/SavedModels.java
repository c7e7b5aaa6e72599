package io.tradeshell.engine.learning;

import java.util.Optional;

/** Models trained by an earlier run, found by the model's name and the time it was trained. */
public interface SavedModels {
    SavedModels NONE = (symbol, model, trainedAt) -> Optional.empty();

    /**
     * The saved training of {@code model} at {@code trainedAt} (epoch millis of the bar close it was
     * trained at), or empty when there is none.
     */
    Optional<Saved> find(String symbol, String model, long trainedAt);

    /** A saved model's bytes and the SHA-256 they must have, and the features it was trained on. */
    record Saved(byte[] bytes, String sha256, java.util.List<String> features, String source) { }
}
