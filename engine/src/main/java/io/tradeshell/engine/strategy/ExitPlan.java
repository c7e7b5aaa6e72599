package io.tradeshell.engine.strategy;

import io.tradeshell.engine.indicators.Indicator;
import java.util.Optional;

/**
 * Protective exits kept on every position of a symbol. The stop-loss and take-profit are
 * real orders placed when an entry fills (one cancels the other); a trailing stop moves only
 * in the position's favour, recomputed at each bar's close.
 */
public record ExitPlan(Optional<Offset> stopLoss, Optional<Offset> takeProfit, Optional<Offset> trailingStop) {

    public static final ExitPlan NONE = new ExitPlan(Optional.empty(), Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return stopLoss.isEmpty() && takeProfit.isEmpty() && trailingStop.isEmpty();
    }

    public ExitPlan withStopLoss(Offset o) { return new ExitPlan(Optional.of(o), takeProfit, trailingStop); }

    public ExitPlan withTakeProfit(Offset o) { return new ExitPlan(stopLoss, Optional.of(o), trailingStop); }

    public ExitPlan withTrailingStop(Offset o) { return new ExitPlan(stopLoss, takeProfit, Optional.of(o)); }

    /** A distance from a reference price. */
    public sealed interface Offset {
        /** The distance in price units at bar {@code index}. */
        double distance(double reference, int index);

        /** A fraction of the reference price: 0.05 is 5%. */
        record Percent(double fraction) implements Offset {
            public Percent {
                if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("percent offset must be in (0, 1), was " + fraction);
            }

            public double distance(double reference, int index) { return reference * fraction; }
        }

        /** A price distance given by an indicator times a multiple, such as 2 x ATR(14). */
        record Points(Indicator distance, double multiple) implements Offset {
            public double distance(double reference, int index) { return distance.value(index) * multiple; }
        }
    }
}
