package io.tradeshell.engine.indicators.oscillators;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.model.BarSeries;

/** The typical price {@code (high + low + close) / 3}, as ta4j's {@code TypicalPriceIndicator}. */
public final class TypicalPrice extends Indicator {
    public TypicalPrice(BarSeries series) {
        super(series);
    }

    @Override
    protected double calculate(int i) {
        return (series.high(i) + series.low(i) + series.close(i)) / 3;
    }

    @Override
    public int unstableBars() {
        return 0;
    }

    @Override
    public String toString() {
        return "typical";
    }
}
