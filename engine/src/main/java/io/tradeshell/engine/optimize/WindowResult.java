package io.tradeshell.engine.optimize;

import io.tradeshell.engine.metrics.RunMetrics;
import java.util.Map;

/**
 * One walk-forward window's outcome: the parameters the training sweep chose, their in-sample
 * figures, and what they did on the test window that followed.
 *
 * @param combinations combinations the training sweep tried
 * @param selection    the training sweep's overfitting check of its best
 * @param efficiency   out-of-sample objective over in-sample objective; NaN when either is missing or in-sample is not positive
 */
public record WindowResult(WalkForwardWindow window, int trainBars, int testBars, Map<String, Object> params,
                           RunMetrics inSample, RunMetrics outOfSample, double inSampleObjective,
                           double outOfSampleObjective, double efficiency, int combinations, SelectionCheck selection) { }
