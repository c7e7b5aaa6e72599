package io.tradeshell.engine.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IndicatorCacheTest {
    static BarSeries series(int n) {
        BarSeries s = new BarSeries("X", Duration.ofMinutes(1), 2, n);
        for (int i = 0; i < n; i++) {
            double p = 100 + (i % 7) - (i % 3) * 0.5;
            s.append(i * 60_000L, p, p + 1, p - 1, p, 10);
        }
        return s;
    }

    @Test
    void eachDefinitionIsComputedOnceAndEveryRunReadsTheSameValuesAsItsOwn() {
        BarSeries source = series(500);
        IndicatorCache cache = new IndicatorCache();
        AtomicInteger builds = new AtomicInteger();
        for (int run = 0; run < 3; run++) {
            BarSeries visible = BarSeries.emptyLike(source);
            Indicator shared = cache.shared(source, visible, "sma(close, 20)", s -> {
                builds.incrementAndGet();
                return new SmaIndicator(new PriceIndicator(s, PriceIndicator.Column.CLOSE), 20);
            });
            Indicator own = new SmaIndicator(new PriceIndicator(visible, PriceIndicator.Column.CLOSE), 20);
            for (int i = 0; i < source.size(); i++) {
                visible.appendFrom(source, i);
                assertThat(shared.value(i)).isEqualTo(own.value(i));
            }
            assertThat(shared.unstableBars()).isEqualTo(19);
            assertThat(shared.toString()).isEqualTo("SMA(close, 20)");
        }
        assertThat(builds.get()).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aSharedIndicatorStillCannotReadABarThatHasNotClosedInItsRun() {
        BarSeries source = series(100);
        BarSeries visible = BarSeries.emptyLike(source);
        for (int i = 0; i < 10; i++) visible.appendFrom(source, i);
        Indicator shared = new IndicatorCache().shared(source, visible, "sma(close, 5)",
                s -> new SmaIndicator(new PriceIndicator(s, PriceIndicator.Column.CLOSE), 5));
        assertThat(shared.value(9)).isEqualTo(new SmaIndicator(new PriceIndicator(source, PriceIndicator.Column.CLOSE), 5).value(9));
        assertThatThrownBy(() -> shared.value(10)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("has not closed yet");
    }
}
