package io.tradeshell.engine.indicators.trend;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.model.BarSeries;

/**
 * +DM or -DM, as ta4j's {@code PlusDMIndicator} / {@code MinusDMIndicator}: the up move of the
 * high (down move of the low) when it is positive and larger than the other move, else 0.
 *
 * <p>Over prices with a known decimal scale the moves are taken in whole ticks, so two moves that
 * are equal in decimals (0.14 and 0.14) compare equal, as in ta4j, rather than by their rounding.
 */
final class DirectionalMovement extends Indicator {
    private final boolean plus;
    /** Ticks per unit of price, or 0 when prices have no known decimal scale. */
    private final double ticks;

    DirectionalMovement(BarSeries series, boolean plus) {
        super(series);
        this.plus = plus;
        this.ticks = series.priceScale() >= 0 && series.priceScale() <= 8 ? Math.pow(10, series.priceScale()) : 0;
    }

    @Override
    protected double calculate(int i) {
        if (i == 0) return 0;
        double up = difference(series.high(i), series.high(i - 1));
        double down = difference(series.low(i - 1), series.low(i));
        double move = plus ? up : down, other = plus ? down : up;
        return move > other && move > 0 ? move : 0;
    }

    private double difference(double a, double b) {
        if (ticks == 0) return a - b;
        return (Math.round(a * ticks) - Math.round(b * ticks)) / ticks;
    }

    @Override
    public int unstableBars() {
        return 1;
    }

    @Override
    public String toString() {
        return plus ? "+DM" : "-DM";
    }
}
