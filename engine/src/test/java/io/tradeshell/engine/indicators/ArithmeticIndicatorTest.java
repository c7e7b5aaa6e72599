package io.tradeshell.engine.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.indicators.PriceIndicator.Column;
import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArithmeticIndicatorTest {

    private static BarSeries series(String symbol, double... closes) {
        BarSeries s = new BarSeries(symbol, Duration.ofDays(1), 2, closes.length);
        for (int i = 0; i < closes.length; i++) s.append(86_400_000L * i, closes[i], closes[i], closes[i], closes[i], 100);
        return s;
    }

    @Test
    void combinesBarByBarAndDivisionByZeroIsNaN() {
        BarSeries s = series("X", 10, 12, 12, 9);
        Indicator close = new PriceIndicator(s, Column.CLOSE);
        Indicator change = Indicators.minus(close, Indicators.previous(close, 1));
        Indicator ratio = Indicators.dividedBy(Indicators.times(close, 2), change);

        // change: NaN, 2, 0, -3; ratio: NaN, 24 / 2, 24 / 0, 18 / -3
        assertThat(change.value(1)).isEqualTo(2.0);
        assertThat(ratio.value(0)).isNaN();
        assertThat(ratio.value(1)).isEqualTo(12.0);
        assertThat(ratio.value(2)).isNaN();
        assertThat(ratio.value(3)).isEqualTo(-6.0);
        assertThat(ratio.unstableBars()).isEqualTo(1);
        assertThat(ratio.toString()).isEqualTo("((close * 2) / (close - previous(close, 1)))");
    }

    @Test
    void indicatorsOfDifferentSeriesCannotBeCombined() {
        Indicator a = new PriceIndicator(series("A", 1, 2), Column.CLOSE);
        Indicator b = new PriceIndicator(series("B", 1, 2), Column.CLOSE);

        assertThatThrownBy(() -> Indicators.plus(a, b)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different series");
    }
}
