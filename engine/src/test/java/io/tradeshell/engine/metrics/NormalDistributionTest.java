package io.tradeshell.engine.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class NormalDistributionTest {

    // Reference values: standard normal table entries, here to 17 significant digits from a
    // 40-digit evaluation of Phi(x) = erfc(-x / sqrt 2) / 2 and its inverse.

    @Test
    void cumulativeProbabilityMatchesReferenceValues() {
        assertRelative(NormalDistribution.cdf(1.96), 0.9750021048517795);
        assertRelative(NormalDistribution.cdf(1), 0.84134474606854295);
        assertRelative(NormalDistribution.cdf(-1), 0.15865525393145705);
        assertRelative(NormalDistribution.cdf(2), 0.97724986805182079);
        assertRelative(NormalDistribution.cdf(-1.9375), 0.026342126689141459);
        assertRelative(NormalDistribution.cdf(-3), 0.0013498980316300945);
        assertRelative(NormalDistribution.cdf(-3.5), 2.3262907903552504e-4);
        assertRelative(NormalDistribution.cdf(8), 0.99999999999999938);
        assertThat(NormalDistribution.cdf(0)).isEqualTo(0.5);
    }

    @Test
    void lowerTailKeepsItsRelativeAccuracyFarOut() {
        assertRelative(NormalDistribution.cdf(-5), 2.8665157187919391e-7);
        assertRelative(NormalDistribution.cdf(-10), 7.6198530241605261e-24);
        assertRelative(NormalDistribution.cdf(-20), 2.7536241186062337e-89);
        // next to the smallest normal double the library keeps 1.4e-13 of relative accuracy
        assertThat(NormalDistribution.cdf(-37.5)).isCloseTo(4.6053530095819548e-308, withinPercentage(1e-10));
        assertThat(NormalDistribution.cdf(-45)).isZero();
        assertThat(NormalDistribution.cdf(45)).isEqualTo(1.0);
        assertThat(NormalDistribution.cdf(Double.NaN)).isNaN();
    }

    @Test
    void cumulativeProbabilitiesOfOppositePointsAddToOne() {
        for (double x = 0; x <= 8; x += 0.01) {
            assertThat(NormalDistribution.cdf(x) + NormalDistribution.cdf(-x)).isCloseTo(1.0, within(2e-16));
        }
    }

    @Test
    void inverseMatchesReferenceValues() {
        assertRelative(NormalDistribution.inverseCdf(0.975), 1.959963984540054);
        assertRelative(NormalDistribution.inverseCdf(0.95), 1.6448536269514727);
        assertRelative(NormalDistribution.inverseCdf(0.9), 1.2815515655446004);
        assertRelative(NormalDistribution.inverseCdf(0.3), -0.52440051270804078);
        assertRelative(NormalDistribution.inverseCdf(0.02425), -1.9729610513118849);
        assertRelative(NormalDistribution.inverseCdf(0.01), -2.3263478740408411);
        assertRelative(NormalDistribution.inverseCdf(1e-10), -6.3613409024040562);
        assertThat(NormalDistribution.inverseCdf(0.5)).isZero();
    }

    @Test
    void inverseUndoesTheCumulativeProbability() {
        for (double x = -37; x <= 2; x += 0.0625) {
            double back = NormalDistribution.inverseCdf(NormalDistribution.cdf(x));
            assertThat(back).as("x = %s", x).isCloseTo(x, within(1e-13 * Math.max(1, Math.abs(x))));
        }
    }

    @Test
    void inverseOfTheEndsIsInfiniteAndOutsideIsRejected() {
        assertThat(NormalDistribution.inverseCdf(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(NormalDistribution.inverseCdf(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(NormalDistribution.inverseCdf(Double.NaN)).isNaN();
        assertThatThrownBy(() -> NormalDistribution.inverseCdf(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NormalDistribution.inverseCdf(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void densityAtZeroAndOne() {
        assertRelative(NormalDistribution.density(0), 0.39894228040143268);   // 1 / sqrt(2 pi)
        assertRelative(NormalDistribution.density(1), 0.24197072451914335);   // e^-0.5 / sqrt(2 pi)
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, withinPercentage(1e-11)); // 1e-13 relative
    }
}
