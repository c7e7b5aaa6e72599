package io.tradeshell.engine.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.indicators.oscillators.Stochastic;
import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * %D where ta4j cannot be the reference: after the flat start of the synthetic bars ta4j's %D
 * stays NaN for good. A plain computation from the bars' text gives the expected values.
 */
class StochasticDTest {

    @Test
    void percentDIsTheMeanOfTheLastPercentKsOnceTheRangeIsNotEmpty() {
        Fixture f = Fixture.synthetic();
        List<Fixture.Row> rows = f.rows();
        Stochastic st = Stochastic.of(f.series(), 14, 3);
        int checked = 0;
        for (int i = 15; i < rows.size(); i++) {
            double[] k = new double[3];
            for (int j = 0; j < 3; j++) k[j] = plainK(rows, i - j, 14);
            double expected = (k[0] + k[1] + k[2]) / 3;
            if (Double.isNaN(expected)) {
                assertThat(st.d().value(i)).as("bar %d", i).isNaN();
            } else {
                assertThat(st.d().value(i)).as("bar %d", i).isCloseTo(expected, Offset.offset(1e-9));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    private static double plainK(List<Fixture.Row> rows, int i, int n) {
        double high = Double.NEGATIVE_INFINITY, low = Double.POSITIVE_INFINITY;
        for (int j = Math.max(0, i - n + 1); j <= i; j++) {
            high = Math.max(high, new BigDecimal(rows.get(j).high()).doubleValue());
            low = Math.min(low, new BigDecimal(rows.get(j).low()).doubleValue());
        }
        double close = new BigDecimal(rows.get(i).close()).doubleValue();
        return high == low ? Double.NaN : 100 * (close - low) / (high - low);
    }
}
