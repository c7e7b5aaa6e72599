package io.tradeshell.engine.learning;

/**
 * When a model is trained and on what: at the first bar where {@code train} of history has
 * passed, then every {@code retrain}; each time on the samples of the last {@code train} whose
 * label ended at least {@code embargoBars} before the training bar's close.
 *
 * <p>{@code purge} false keeps every sample whose label the label bars can show, which on a series
 * that already holds the future (labels computed over a whole file beforehand) is the classic
 * leak; it exists so the audit can be shown to catch it, and no script can ask for it.
 */
public record Schedule(Span train, Span retrain, int embargoBars, boolean purge) {
    public Schedule {
        if (embargoBars < 0) throw new IllegalArgumentException("embargo must be 0 bars or more, was " + embargoBars);
    }

    public Schedule(Span train, Span retrain, int embargoBars) {
        this(train, retrain, embargoBars, true);
    }
}
