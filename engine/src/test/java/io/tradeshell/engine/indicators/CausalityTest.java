package io.tradeshell.engine.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.model.BarSeries;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No indicator can be read past the newest closed bar, and one fed bar by bar as a live feed
 * appends gives exactly the values it gives on the whole series at once.
 */
class CausalityTest {

    /** One indicator as built over a series, named. */
    record Case(String name, Function<BarSeries, Indicator> ours) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.concat(Ta4jParityTest.allCases().stream().map(c -> new Case(c.name(), c.ours())),
                NativeParityTest.allCases().stream().map(c -> new Case(c.name(), c.ours())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void askingForABarThatHasNotClosedThrows(Case c) {
        BarSeries series = Fixture.aapl().series();
        Indicator indicator = c.ours().apply(series);
        int size = series.size();

        assertThatThrownBy(() -> indicator.value(size)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> indicator.value(size + 100)).isInstanceOf(IndexOutOfBoundsException.class);
        // Failing must not have computed anything ahead: the last real bar still reads normally.
        indicator.value(size - 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fedBarByBarGivesTheSameValuesAsTheWholeSeries(Case c) {
        BarSeries whole = Fixture.synthetic().series();
        Indicator batch = c.ours().apply(whole);
        BarSeries live = BarSeries.emptyLike(whole);
        Indicator growing = c.ours().apply(live);

        for (int i = 0; i < whole.size(); i++) {
            live.appendFrom(whole, i);
            int next = i + 1;
            assertThatThrownBy(() -> growing.value(next)).isInstanceOf(IndexOutOfBoundsException.class);
            double value = growing.last();
            assertThat(Double.doubleToLongBits(value)).as("%s at bar %d", c, i).isEqualTo(Double.doubleToLongBits(batch.value(i)));
        }
        assertThat(List.of(growing.size())).containsExactly(whole.size());
    }
}
