package io.tradeshell.engine.indicators;

import io.tradeshell.engine.model.BarSeries;

/** A fixed number on every bar, so that a level such as 30 can be compared with an indicator. */
public final class ConstantIndicator extends Indicator {
    private final double constant;

    public ConstantIndicator(BarSeries series, double constant) {
        super(series);
        this.constant = constant;
    }

    public double constant() {
        return constant;
    }

    @Override
    protected double calculate(int i) {
        return constant;
    }

    @Override
    public int unstableBars() {
        return 0;
    }

    @Override
    public String toString() {
        return constant == Math.rint(constant) && Math.abs(constant) < 1e15
                ? Long.toString((long) constant) : Double.toString(constant);
    }
}
