package io.tradeshell.engine.indicators;

import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import java.time.Instant;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.NumFactory;

/**
 * Copies bars into ta4j's own series, for the ta4j adapter and for running a strategy on plain
 * ta4j. A bar begins at our open time and ends one period later, the close time ta4j indexes by;
 * prices go through the factory's {@code numOf(Number)}, which for {@code DecimalNum} parses the
 * shortest decimal of the double, so 549.03 stays exactly 549.03.
 */
public final class Ta4jBars {
    private Ta4jBars() { }

    /** An empty ta4j series named after {@code series}, with the given number type. */
    public static org.ta4j.core.BarSeries emptyLike(BarSeries series, NumFactory numbers) {
        return new BaseBarSeriesBuilder().withName(series.symbol()).withNumFactory(numbers).build();
    }

    /** All bars of {@code series} as a ta4j series ({@code DoubleNumFactory} or {@code DecimalNumFactory}). */
    public static org.ta4j.core.BaseBarSeries copyOf(BarSeries series, NumFactory numbers) {
        org.ta4j.core.BaseBarSeries copy = new BaseBarSeriesBuilder().withName(series.symbol()).withNumFactory(numbers).build();
        for (int i = 0; i < series.size(); i++) append(copy, series, i);
        return copy;
    }

    /** Adds bar {@code i} of {@code source} to the end of {@code target}. */
    public static void append(org.ta4j.core.BarSeries target, BarSeries source, int i) {
        long open = source.openTime(i);
        Duration period = source.period();
        target.barBuilder()
                .timePeriod(period)
                .beginTime(Instant.ofEpochMilli(open))
                .endTime(Instant.ofEpochMilli(open + source.periodMillis()))
                .openPrice(source.open(i))
                .highPrice(source.high(i))
                .lowPrice(source.low(i))
                .closePrice(source.close(i))
                .volume(source.volume(i))
                .add();
    }
}
