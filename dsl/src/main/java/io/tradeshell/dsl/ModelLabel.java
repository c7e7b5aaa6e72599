package io.tradeshell.dsl;

import io.tradeshell.engine.learning.Label;

/**
 * A model's label as a script writes it: {@code forwardReturn(5) > 0} (the return of the close
 * over the next 5 bars is positive) or {@code forwardReturn(10) < -0.02}.
 */
@ScriptApi
public final class ModelLabel {
    private final Label label;

    ModelLabel(Label label) {
        this.label = label;
    }

    /** True when the forward return is above {@code threshold} (a fraction: 0.01 is 1%). */
    public ModelLabel above(Number threshold) {
        return new ModelLabel(new Label(label.horizon(), threshold.doubleValue(), true));
    }

    /** True when the forward return is below {@code threshold}. */
    public ModelLabel below(Number threshold) {
        return new ModelLabel(new Label(label.horizon(), threshold.doubleValue(), false));
    }

    Label label() {
        return label;
    }

    @Override
    public String toString() {
        return label.toString();
    }
}
