package io.tradeshell.engine.indicators.trend;

import io.tradeshell.engine.indicators.AtrIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.MmaIndicator;
import io.tradeshell.engine.model.BarSeries;

/**
 * +DI or -DI, as ta4j's {@code PlusDIIndicator} / {@code MinusDIIndicator}: the Wilder average of
 * the directional movement as a percentage of the ATR over the same bars; 0 when the ATR is 0.
 */
final class DirectionalIndex extends Indicator {
    private final int barCount;
    private final boolean plus;
    private final Indicator atr;
    private final Indicator movement;

    DirectionalIndex(BarSeries series, AtrIndicator atr, int barCount, boolean plus) {
        super(series);
        this.barCount = barCount;
        this.plus = plus;
        this.atr = atr;
        this.movement = new MmaIndicator(new DirectionalMovement(series, plus), barCount);
    }

    @Override
    protected double calculate(int i) {
        double range = atr.value(i);
        return range == 0 ? 0 : movement.value(i) / range * 100;
    }

    /** ta4j: the larger of the ATR's warm-up and the movement's first bar plus its average's. */
    @Override
    public int unstableBars() {
        return Math.max(atr.unstableBars(), 1 + movement.unstableBars());
    }

    @Override
    public String toString() {
        return (plus ? "+DI(" : "-DI(") + barCount + ")";
    }
}
