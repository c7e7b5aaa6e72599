package io.tradeshell.engine.learning;

import io.tradeshell.engine.model.BarSeries;

/**
 * What a model learns to predict: whether the return of the close over the next {@code horizon}
 * bars is above (or below) {@code threshold}, as a fraction ({@code forwardReturn(5) > 0}).
 * The label of bar {@code j} becomes known at the close of bar {@code j + horizon}.
 */
public record Label(int horizon, double threshold, boolean above) {
    public Label {
        if (horizon < 1) throw new IllegalArgumentException("a label looks at least 1 bar ahead, was " + horizon);
        if (!Double.isFinite(threshold)) throw new IllegalArgumentException("a label's threshold must be a number, was " + threshold);
    }

    /** Whether the label of bar {@code j} is true; bar {@code j + horizon} must exist in {@code bars}. */
    public boolean at(BarSeries bars, int j) {
        double r = bars.close(j + horizon) / bars.close(j) - 1;
        return above ? r > threshold : r < threshold;
    }

    @Override
    public String toString() {
        return "forwardReturn(" + horizon + ") " + (above ? ">" : "<") + " " + threshold;
    }
}
