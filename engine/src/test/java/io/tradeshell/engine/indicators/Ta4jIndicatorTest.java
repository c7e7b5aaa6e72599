package io.tradeshell.engine.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.averages.KAMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/** The ta4j adapter and the bar copy it relies on. */
class Ta4jIndicatorTest {

    @Test
    void copiedBarsKeepTimesAndExactDecimalPrices() {
        Fixture fixture = Fixture.aapl();
        BarSeries series = fixture.series();
        org.ta4j.core.BaseBarSeries copy = Ta4jBars.copyOf(series, DecimalNumFactory.getInstance());

        assertThat(copy.getBarCount()).isEqualTo(fixture.rows().size());
        assertThat(copy.getName()).isEqualTo(series.symbol());
        for (int i = 0; i < copy.getBarCount(); i++) {
            Fixture.Row row = fixture.rows().get(i);
            org.ta4j.core.Bar bar = copy.getBar(i);
            assertThat(bar.getBeginTime()).isEqualTo(Instant.ofEpochMilli(row.openTime()));
            assertThat(bar.getEndTime()).isEqualTo(Instant.ofEpochMilli(row.openTime()).plus(Duration.ofDays(1)));
            assertThat(bar.getTimePeriod()).isEqualTo(Duration.ofDays(1));
            assertThat(bar.getOpenPrice()).isEqualTo(DecimalNum.valueOf(row.open()));
            assertThat(bar.getHighPrice()).isEqualTo(DecimalNum.valueOf(row.high()));
            assertThat(bar.getLowPrice()).isEqualTo(DecimalNum.valueOf(row.low()));
            assertThat(bar.getClosePrice()).isEqualTo(DecimalNum.valueOf(row.close()));
            assertThat(bar.getVolume().isEqual(DecimalNum.valueOf(row.volume()))).as("volume at %d", i).isTrue();
        }
    }

    @Test
    void adapterOnDoubleNumGivesPlainTa4jValuesOnDoubleNum() {
        BarSeries series = Fixture.synthetic().series();
        Ta4jIndicator adapted = Ta4jIndicator.of(series, s -> new CCIIndicator(s, 20), "CCI(20)");
        org.ta4j.core.Indicator<Num> plain = new CCIIndicator(Ta4jBars.copyOf(series, DoubleNumFactory.getInstance()), 20);

        assertThat(adapted.unstableBars()).isEqualTo(plain.getCountOfUnstableBars()).isEqualTo(19);
        for (int i = 0; i < series.size(); i++) {
            Num expected = plain.getValue(i);
            double actual = adapted.value(i);
            if (expected.isNaN()) assertThat(actual).as("bar %d", i).isNaN();
            else assertThat(actual).as("bar %d", i).isEqualTo(expected.doubleValue());
        }
    }

    @Test
    void adapterCopiesBarsOnlyUpToTheBarAskedFor() {
        BarSeries series = Fixture.aapl().series();
        Ta4jIndicator kama = Ta4jIndicator.of(series, s -> new KAMAIndicator(new ClosePriceIndicator(s)), "KAMA(close)");

        assertThat(kama.delegate().getBarSeries().getBarCount()).isZero();
        kama.value(40);
        assertThat(kama.delegate().getBarSeries().getBarCount()).isEqualTo(41);
        assertThat(kama.toString()).isEqualTo("KAMA(close)");
    }

    @Test
    void adapterRejectsAnIndicatorBuiltOnAnotherSeries() {
        BarSeries series = Fixture.aapl().series();
        org.ta4j.core.BarSeries other = new BaseBarSeriesBuilder().withName("other").build();

        assertThatThrownBy(() -> Ta4jIndicator.of(series, s -> new ClosePriceIndicator(other), "close of other"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("close of other");
    }
}
