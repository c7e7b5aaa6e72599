package io.tradeshell.dsl;

import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import java.util.function.DoubleBinaryOperator;

/**
 * A value of two symbols' closes, such as their ratio, as a series of its own aligned by time:
 * one bar at each time either symbol has a bar, once both have one, from each symbol's last
 * bar that opened at or before that time. It is brought up to date from the closed bars only,
 * when it is read, so it never holds a bar that has not closed.
 */
final class AlignedPair {
    private final BarSeries a, b;
    private final DoubleBinaryOperator combine;
    private final BarSeries series;
    private final PriceIndicator values;
    private int nextA, nextB;

    AlignedPair(String name, BarSeries a, BarSeries b, DoubleBinaryOperator combine) {
        this.a = a;
        this.b = b;
        this.combine = combine;
        this.series = new BarSeries(name, Duration.ofMillis(Math.min(a.periodMillis(), b.periodMillis())), -1, 256);
        this.values = new PriceIndicator(series, PriceIndicator.Column.CLOSE);
    }

    /** The combined closes, as an indicator over the aligned series. */
    PriceIndicator values() { return values; }

    /** Appends a bar for every bar time the two symbols have closed since the last call. */
    void catchUp() {
        while (nextA < a.size() || nextB < b.size()) {
            long ta = nextA < a.size() ? a.openTime(nextA) : Long.MAX_VALUE;
            long tb = nextB < b.size() ? b.openTime(nextB) : Long.MAX_VALUE;
            long t = Math.min(ta, tb);
            if (ta == t) nextA++;
            if (tb == t) nextB++;
            if (nextA == 0 || nextB == 0) continue;
            double v = combine.applyAsDouble(a.close(nextA - 1), b.close(nextB - 1));
            series.append(t, v, v, v, v, 0);
        }
    }
}
