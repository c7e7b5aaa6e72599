package io.tradeshell.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.model.Bar;
import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TickAggregatorTest {
    private static final long MIN = 60_000;

    @Test
    void barCompletesWhenATradeOfALaterPeriodArrives() {
        TickAggregator agg = new TickAggregator("BTC", Duration.ofMinutes(1));

        assertThat(agg.onTick(10 * MIN + 5_000, 10, 1)).isEmpty();
        assertThat(agg.onTick(10 * MIN + 20_000, 12, 2)).isEmpty();
        assertThat(agg.onTick(10 * MIN + 59_999, 9, 0.5)).isEmpty();
        assertThat(agg.onTick(10 * MIN + 59_999, 9.5, 0.25)).isEmpty();
        Optional<Bar> done = agg.onTick(11 * MIN, 11, 1);

        assertThat(done).contains(new Bar("BTC", 10 * MIN, MIN, 10, 12, 9, 9.5, 3.75));
    }

    @Test
    void periodsWithoutTradesGiveNoBarAndFlushGivesThePartialLastBar() {
        TickAggregator agg = new TickAggregator("BTC", Duration.ofMinutes(1));
        agg.onTick(MIN + 1, 10, 1);

        Optional<Bar> first = agg.onTick(4 * MIN + 30_000, 20, 2);
        agg.onTick(4 * MIN + 40_000, 21, 3);

        assertThat(first).contains(new Bar("BTC", MIN, MIN, 10, 10, 10, 10, 1));
        assertThat(agg.flush()).contains(new Bar("BTC", 4 * MIN, MIN, 20, 21, 20, 21, 5));
        assertThat(agg.flush()).isEmpty();
    }

    @Test
    void barsAreAlignedToWholePeriodsSinceTheEpoch() {
        TickAggregator hourly = new TickAggregator("X", Duration.ofHours(1));
        hourly.onTick(1_700_000_000_000L, 1, 1); // 2023-11-14T22:13:20Z
        assertThat(hourly.flush().orElseThrow().openTime()).isEqualTo(1_699_999_200_000L); // 22:00:00Z

        TickAggregator beforeEpoch = new TickAggregator("X", Duration.ofMinutes(1));
        beforeEpoch.onTick(-30_000, 1, 1);
        assertThat(beforeEpoch.flush().orElseThrow().openTime()).isEqualTo(-MIN);
    }

    @Test
    void lateTradeIsRefused() {
        TickAggregator agg = new TickAggregator("BTC", Duration.ofMinutes(1));
        agg.onTick(5 * MIN, 10, 1);
        agg.onTick(6 * MIN, 10, 1);

        assertThatThrownBy(() -> agg.onTick(5 * MIN + 1, 10, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("late");
        agg.flush();
        assertThatThrownBy(() -> agg.onTick(6 * MIN + 1, 10, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callbackAndOptionalVariantsGiveTheSameBars() {
        long[] times = {0, 1_000, 61_000, 62_000, 250_000, 250_000, 400_000};
        double[] prices = {5, 6, 4, 4.5, 7, 6.5, 8};
        List<Bar> viaOptional = new ArrayList<>();
        TickAggregator a = new TickAggregator("S", Duration.ofMinutes(1));
        for (int i = 0; i < times.length; i++) a.onTick(times[i], prices[i], i + 1).ifPresent(viaOptional::add);
        a.flush().ifPresent(viaOptional::add);

        List<Bar> viaSink = new ArrayList<>();
        TickAggregator b = new TickAggregator("S", Duration.ofMinutes(1));
        BarSink sink = (t, o, h, l, c, v) -> viaSink.add(new Bar("S", t, MIN, o, h, l, c, v));
        for (int i = 0; i < times.length; i++) b.onTick(times[i], prices[i], i + 1, sink);
        b.flush(sink);

        assertThat(viaSink).isEqualTo(viaOptional).containsExactly(
                new Bar("S", 0, MIN, 5, 6, 5, 6, 3),
                new Bar("S", MIN, MIN, 4, 4.5, 4, 4.5, 7),
                new Bar("S", 4 * MIN, MIN, 7, 7, 6.5, 6.5, 11),
                new Bar("S", 6 * MIN, MIN, 8, 8, 8, 8, 7));
    }

    @Test
    void aggregatingATickSeriesKeepsItsSymbolAndPriceScale() {
        TickSeries ticks = new TickSeries("ETH", 2, 4);
        ticks.append(0, 10.25, 1);
        ticks.append(90_000, 10.5, 2);
        BarSeries bars = TickAggregator.aggregate(ticks, Duration.ofMinutes(1));
        assertThat(bars.symbol()).isEqualTo("ETH");
        assertThat(bars.priceScale()).isEqualTo(2);
        assertThat(bars.size()).isEqualTo(2);
        assertThat(bars.openTime(1)).isEqualTo(MIN);
    }
}
