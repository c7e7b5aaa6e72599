package io.tradeshell.engine.metrics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SharpeStatisticsTest {
    private static final double EPS = 1e-12;

    @Test
    void momentsOfASmallSeriesWorkedByHand() {
        // mean 1; deviations -1, -1, -1, 3
        // sample variance (1 + 1 + 1 + 9) / 3 = 4, stdev 2, Sharpe 1 / 2
        // population m2 = 12/4 = 3, m3 = (-3 + 27)/4 = 6, m4 = (3 + 81)/4 = 21
        // skewness 6 / 3^1.5 = 2 / sqrt 3; kurtosis 21 / 9 = 7 / 3
        double[] r = {0, 0, 0, 4};
        assertThat(SharpeStatistics.sharpe(r)).isCloseTo(0.5, within(EPS));
        assertThat(SharpeStatistics.skewness(r)).isCloseTo(2 / Math.sqrt(3), within(EPS));
        assertThat(SharpeStatistics.kurtosis(r)).isCloseTo(7.0 / 3, within(EPS));
    }

    @Test
    void symmetricTwoPointSeriesHasNoSkewAndKurtosisOne() {
        double[] r = {-1, 1, -1, 1};
        assertThat(SharpeStatistics.sharpe(r)).isZero();
        assertThat(SharpeStatistics.skewness(r)).isZero();
        assertThat(SharpeStatistics.kurtosis(r)).isEqualTo(1.0);
    }

    @Test
    void equalReturnsHaveNoSpreadSoNoSharpeNorShape() {
        double[] r = {0.1, 0.1, 0.1};   // their rounded mean differs from 0.1: must still be no spread
        ReturnMoments m = ReturnMoments.of(r);
        assertThat(m.stdev()).isZero();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.skewness()).isNaN();
        assertThat(m.kurtosis()).isNaN();
        assertThat(ReturnMoments.of(new double[0]).sharpe()).isNaN();
    }

    @Test
    void momentsAgreeWithRawPowerSumsInExactDecimals() {
        double[] r = {0.01, -0.02, 0.015, 0.03, -0.005, 0.0, 0.012, -0.041, 0.022};
        // Naive: central moments from raw power sums, in 34-digit decimals.
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal n = BigDecimal.valueOf(r.length), s1 = BigDecimal.ZERO, s2 = BigDecimal.ZERO,
                s3 = BigDecimal.ZERO, s4 = BigDecimal.ZERO;
        for (double x : r) {
            BigDecimal b = new BigDecimal(x);
            s1 = s1.add(b, mc);
            s2 = s2.add(b.pow(2, mc), mc);
            s3 = s3.add(b.pow(3, mc), mc);
            s4 = s4.add(b.pow(4, mc), mc);
        }
        BigDecimal mu = s1.divide(n, mc), e2 = s2.divide(n, mc), e3 = s3.divide(n, mc), e4 = s4.divide(n, mc);
        BigDecimal m2 = e2.subtract(mu.pow(2, mc), mc);
        BigDecimal m3 = e3.subtract(mu.multiply(e2, mc).multiply(BigDecimal.valueOf(3), mc), mc)
                .add(mu.pow(3, mc).multiply(BigDecimal.valueOf(2), mc), mc);
        BigDecimal m4 = e4.subtract(mu.multiply(e3, mc).multiply(BigDecimal.valueOf(4), mc), mc)
                .add(mu.pow(2, mc).multiply(e2, mc).multiply(BigDecimal.valueOf(6), mc), mc)
                .subtract(mu.pow(4, mc).multiply(BigDecimal.valueOf(3), mc), mc);
        double var = m2.doubleValue();
        double sampleStdev = Math.sqrt(var * r.length / (r.length - 1));

        assertThat(SharpeStatistics.sharpe(r)).isCloseTo(mu.doubleValue() / sampleStdev, within(1e-12));
        assertThat(SharpeStatistics.skewness(r)).isCloseTo(m3.doubleValue() / Math.pow(var, 1.5), within(1e-12));
        assertThat(SharpeStatistics.kurtosis(r)).isCloseTo(m4.doubleValue() / (var * var), within(1e-12));
    }

    @Test
    void probabilisticSharpeWorkedByHand() {
        // 1 - skew*sr + (kurt-1)/4 * sr^2 = 1 + 0.2 + 24/4 * 0.04 = 1.44, sqrt 1.2
        // z = (0.2 - 0.004) * sqrt(145 - 1) / 1.2 = 0.196 * 12 / 1.2 = 1.96 -> Phi(1.96)
        assertThat(SharpeStatistics.probabilisticSharpe(0.2, 0.004, 145, -1, 25))
                .isCloseTo(0.9750021048517795, within(EPS));
        // Normal returns (skew 0, kurtosis 3) and sr 0: variance term 1, z = -0.1 * sqrt(100) = -1 -> Phi(-1)
        assertThat(SharpeStatistics.probabilisticSharpe(0, 0.1, 101, 0, 3))
                .isCloseTo(0.15865525393145705, within(EPS));
        // At the benchmark the odds are even.
        assertThat(SharpeStatistics.probabilisticSharpe(0.1, 0.1, 250, -0.5, 6)).isEqualTo(0.5);
    }

    @Test
    void probabilisticSharpeIsUncomputableForOneReturnOrANonPositiveVarianceTerm() {
        assertThat(SharpeStatistics.probabilisticSharpe(0.1, 0, 1, 0, 3)).isNaN();
        // 1 - 3 * 1 + 0 < 0
        assertThat(SharpeStatistics.probabilisticSharpe(1, 0, 100, 3, 1)).isNaN();
    }

    @Test
    void deflatedSharpeReproducesThePublishedNumericalExample() {
        // Bailey & Lopez de Prado, "The Deflated Sharpe Ratio: Correcting for Selection Bias, Backtest
        // Overfitting and Non-Normality", Journal of Portfolio Management 40(5), 2014, numerical example:
        // 100 trials whose annualised Sharpe ratios have variance 1/2, the best one annualised 2.5 over
        // 5 years of 250 daily returns (n = 1250), skewness -3, kurtosis 10. Published: SR0 = 0.1132
        // (per day) and DSR = 0.9004.
        // By hand: V = 0.5 / 250 = 0.002, sqrt V = 0.044721359549995794
        //   Phi^-1(1 - 1/100) = 2.3263478740408411, Phi^-1(1 - 1/(100 e)) = 2.6802104449668827
        //   SR0 = 0.044721359549995794 * (0.42278433509846714 * 2.3263478740408411
        //                                 + 0.57721566490153286 * 2.6802104449668827) = 0.11317200186513203
        //   sr = 2.5 / sqrt 250 = 0.15811388300841897
        //   variance term 1 + 3 sr + 9/4 sr^2 = 1.5305916490252569
        //   z = (sr - SR0) * sqrt 1249 / sqrt 1.5305916490252569 = 1.2838160365336578, Phi(z) = 0.90039683444939096
        double sr = 2.5 / Math.sqrt(250);
        double variance = 0.5 / 250;

        assertThat(SharpeStatistics.expectedMaxSharpe(100, variance)).isCloseTo(0.11317200186513203, within(EPS));
        assertThat(SharpeStatistics.expectedMaxSharpe(100, variance)).isCloseTo(0.1132, within(5e-5));
        double dsr = SharpeStatistics.deflatedSharpe(sr, 1250, -3, 10, 100, variance);
        assertThat(dsr).isCloseTo(0.90039683444939096, within(EPS));
        assertThat(dsr).isCloseTo(0.9004, within(5e-5));
    }

    @Test
    void moreTrialsDeflateTheSameSharpeMore() {
        double sr = 2.5 / Math.sqrt(250), variance = 0.5 / 250;
        double previousBenchmark = -1, previousDsr = 2;
        for (int trials = 1; trials <= 2_000; trials++) {
            double benchmark = SharpeStatistics.expectedMaxSharpe(trials, variance);
            double dsr = SharpeStatistics.deflatedSharpe(sr, 1250, -3, 10, trials, variance);
            assertThat(benchmark).as("SR0 at %d trials", trials).isGreaterThan(previousBenchmark);
            assertThat(dsr).as("DSR at %d trials", trials).isLessThan(previousDsr);
            previousBenchmark = benchmark;
            previousDsr = dsr;
        }
    }

    @Test
    void oneTrialIsJudgedAgainstZero() {
        assertThat(SharpeStatistics.expectedMaxSharpe(1, 0.01)).isZero();
        assertThat(SharpeStatistics.deflatedSharpe(0.05, 500, -0.2, 4, 1, 0.01))
                .isEqualTo(SharpeStatistics.probabilisticSharpe(0.05, 0, 500, -0.2, 4));
        assertThatThrownBy(() -> SharpeStatistics.expectedMaxSharpe(0, 0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharpeStatistics.expectedMaxSharpe(5, -0.01)).isInstanceOf(IllegalArgumentException.class);
    }
}
