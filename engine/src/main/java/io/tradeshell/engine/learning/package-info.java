/**
 * Models trained walk-forward on indicator values, read as an indicator: the probability that a
 * label (the sign of the return over the next {@code h} bars) comes true.
 *
 * <pre>
 *   Schedule (train span, retrain cadence, embargo) ─┐
 *   features (indicators) + Label ─────────────────┼─> WalkForwardModel (an Indicator)
 *   Learner (a port: the ml module's learners) ─────┘        │ at each retraining: Training
 *   SavedModels (a port: a run's saved models) ───────────────┘ └─> ModelReport (audit, accuracy)
 *   a Learner.Fitted read from a file (ONNX) + features + Label ──> ImportedModel ──> ModelReport
 * </pre>
 *
 * Both are a {@code ModelIndicator}: what rules read, and what a run reports and saves.
 *
 * A model trained at bar {@code t} sees only samples whose label was known at {@code t}'s close
 * (purge) and ended at least the embargo before it; it predicts from {@code t} on, until the next
 * retraining. The report proves it per training: the latest label time used against the first
 * prediction time.
 */
package io.tradeshell.engine.learning;
