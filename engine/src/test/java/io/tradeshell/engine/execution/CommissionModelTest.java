package io.tradeshell.engine.execution;

import io.tradeshell.engine.execution.CommissionModel.PerOrder;
import io.tradeshell.engine.execution.CommissionModel.PerShare;
import io.tradeshell.engine.execution.CommissionModel.PercentOfNotional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CommissionModelTest {
    private static final double EPS = 1e-12;

    @Test
    void percentOfNotionalChargesEachFillItsShare() {
        CommissionModel m = new PercentOfNotional(0.001);
        // 0.1% of 10 x 101.5 = 1015 is 1.015
        assertThat(m.commission(10, 101.5, true)).isCloseTo(1.015, within(EPS));
        // the same order in two fills, 4 and 6 units: 0.406 + 0.609 = 1.015
        assertThat(m.commission(4, 101.5, true) + m.commission(6, 101.5, false)).isCloseTo(1.015, within(EPS));
    }

    @Test
    void perShareRaisesTheFirstFillToTheMinimumAndChargesLaterFillsPerUnit() {
        CommissionModel m = new PerShare(0.005, 1.0);
        // 100 x 0.005 = 0.50, under the 1.00 minimum
        assertThat(m.commission(100, 50, true)).isCloseTo(1.0, within(EPS));
        // 400 x 0.005 = 2.00, over it
        assertThat(m.commission(400, 50, true)).isCloseTo(2.0, within(EPS));
        // a later fill of the same order: 100 x 0.005 = 0.50, no second minimum
        assertThat(m.commission(100, 50, false)).isCloseTo(0.5, within(EPS));
    }

    @Test
    void perOrderChargesItsFeeOnTheFirstFillOnly() {
        CommissionModel m = new PerOrder(1.5);
        assertThat(m.commission(10, 100, true)).isEqualTo(1.5);
        assertThat(m.commission(1000, 100, true)).isEqualTo(1.5);
        assertThat(m.commission(10, 100, false)).isEqualTo(0.0);
    }

    @Test
    void parseReadsEverySpelling() {
        assertThat(CommissionModel.parse("0.001")).isEqualTo(new PercentOfNotional(0.001));
        assertThat(CommissionModel.parse(" pct:0.002 ")).isEqualTo(new PercentOfNotional(0.002));
        assertThat(CommissionModel.parse("percent:0.002")).isEqualTo(new PercentOfNotional(0.002));
        assertThat(CommissionModel.parse("share:0.005:1")).isEqualTo(new PerShare(0.005, 1));
        assertThat(CommissionModel.parse("per-share:0.01")).isEqualTo(new PerShare(0.01, 0));
        assertThat(CommissionModel.parse("order:1.5")).isEqualTo(new PerOrder(1.5));
        assertThat(CommissionModel.parse("PER-ORDER:2")).isEqualTo(new PerOrder(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "share:x", "order", "foo:1", "pct:", "share:0.01:y"})
    void parseRefusesGarbageSayingWhatItAccepts(String spec) {
        assertThatThrownBy(() -> CommissionModel.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read commission '" + spec + "' (use 0.001, pct:0.001, share:0.005:1 or order:1)");
    }

    @Test
    void parseRefusesNegativeRatesWithTheModelsOwnReason() {
        assertThatThrownBy(() -> CommissionModel.parse("pct:-0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a number >= 0");
        assertThatThrownBy(() -> CommissionModel.parse("order:-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a number >= 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Infinity", "pct:Infinity", "NaN", "share:Infinity", "share:0.01:Infinity", "order:Infinity"})
    void parseRefusesNumbersThatAreNotFinite(String spec) {
        assertThatThrownBy(() -> CommissionModel.parse(spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be");
    }

    @Test
    void slippageMustBeAFiniteNonNegativeNumber() {
        assertThatThrownBy(() -> new Slippage(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Slippage(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Slippage(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describeNamesTheModelAndItsNumbers() {
        assertThat(new PercentOfNotional(0.001).describe()).containsEntry("model", "percent").containsEntry("rate", 0.001);
        assertThat(new PerShare(0.005, 1).describe()).containsEntry("model", "per-share").containsEntry("minimum", 1.0);
        assertThat(new PerOrder(2).describe()).containsEntry("model", "per-order").containsEntry("fee", 2.0);
    }
}
