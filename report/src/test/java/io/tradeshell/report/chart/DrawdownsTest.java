package io.tradeshell.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DrawdownsTest {

    @Test
    void drawdownIsThePercentBelowTheRunningPeak() {
        // peaks: 100, 110, 110, 121, 121, 121
        double[] equity = {100, 110, 99, 121, 108.9, 60.5};

        double[] dd = Drawdowns.percentFromPeak(equity);

        assertThat(dd[0]).isEqualTo(0.0);
        assertThat(dd[1]).isEqualTo(0.0);
        assertThat(dd[2]).isCloseTo(-10.0, within(1e-9));   // 99 / 110 = 0.90
        assertThat(dd[3]).isEqualTo(0.0);
        assertThat(dd[4]).isCloseTo(-10.0, within(1e-9));   // 108.9 / 121 = 0.90
        assertThat(dd[5]).isCloseTo(-50.0, within(1e-9));   // 60.5 / 121 = 0.50
        assertThat(Drawdowns.deepest(dd)).isCloseTo(-50.0, within(1e-9));
    }

    @Test
    void neverPositiveAndNaNLeavesThePeakAlone() {
        double[] dd = Drawdowns.percentFromPeak(new double[] {200, Double.NaN, 150, 250});

        assertThat(dd[0]).isEqualTo(0.0);
        assertThat(dd[1]).isNaN();
        assertThat(dd[2]).isCloseTo(-25.0, within(1e-9));   // 150 / 200 = 0.75
        assertThat(dd[3]).isEqualTo(0.0);
    }
}
