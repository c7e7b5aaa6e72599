package io.tradeshell.engine.optimize;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a sweep's combinations somewhere other than this process's own threads, such as on the
 * members of a cluster. Whoever runs them must return each combination's row exactly as this
 * process would have computed it ({@link Optimizer#runBatch}), and in plan order, so the sweep's
 * files are the same bytes however it was run.
 */
public interface SweepWorkers {
    /**
     * Runs the plan's combinations {@code todo} (indexes into the plan, ascending) and hands each
     * row to {@code sink}, in that order, on the calling thread.
     *
     * @return true if the sweep stopped early, because {@code listener} asked or the calling
     *         thread was interrupted; the rows already handed on stand
     * @throws CombinationFailedException after the rows before it, when a combination fails
     */
    boolean run(OptimizeRequest request, CombinationPlan plan, List<Integer> todo, Consumer<SweepRow> sink, SweepListener listener);
}
