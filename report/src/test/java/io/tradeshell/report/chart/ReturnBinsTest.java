package io.tradeshell.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReturnBinsTest {

    @Test
    void binsHaveARoundWidthAndZeroOnAnEdge() {
        // -3.1%, -0.4%, 0%, 1.2%, 4.9%: 5 trades -> 6 bins wanted over 8 points -> width 2
        ReturnBins bins = ReturnBins.of(new double[] {-0.031, -0.004, 0.0, 0.012, 0.049, Double.NaN});

        assertThat(bins.width()).isEqualTo(2.0);
        assertThat(bins.start()).isEqualTo(-4.0);
        // [-4,-2) [-2,0) [0,2) [2,4) [4,6)
        assertThat(bins.counts()).containsExactly(1, 1, 2, 0, 1);
        assertThat(bins.total()).isEqualTo(5);
        assertThat(bins.firstBinAtOrAbove(0.0)).isEqualTo(2);
        assertThat(bins.edge(5)).isEqualTo(6.0);
    }
}
