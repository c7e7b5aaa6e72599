package io.tradeshell.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamRangeTest {

    @Test
    void aRangeWithAStepIncludesBothEndsWhenTheyFallOnTheStep() {
        ParamRange r = ParamRange.parse("fast=5..50:5");
        assertThat(r.name()).isEqualTo("fast");
        assertThat(r.values()).containsExactly(5, 10, 15, 20, 25, 30, 35, 40, 45, 50);
    }

    @Test
    void aRangeStopsAtTheLastStepBelowItsEnd() {
        assertThat(ParamRange.parse("slow=20..45:10").values()).containsExactly(20, 30, 40);
        assertThat(ParamRange.parse("n=3..6").values()).containsExactly(3, 4, 5, 6);
    }

    @Test
    void decimalRangesStepInExactDecimals() {
        // 0.1 + 0.1 + 0.1 in doubles is 0.30000000000000004; the range must give 0.3
        assertThat(ParamRange.parse("k=0.1..0.3:0.1").values()).containsExactly(0.1, 0.2, 0.3);
        assertThat(ParamRange.parse("k=1.5..2.5:0.5").values()).containsExactly(1.5, 2.0, 2.5);
    }

    @Test
    void listsAndSingleValuesKeepTheirTypes() {
        assertThat(ParamRange.parse("fast=5,10,20").values()).containsExactly(5, 10, 20);
        assertThat(ParamRange.parse("k=1.5, 2").values()).containsExactly(1.5, 2);
        assertThat(ParamRange.parse("mode=fast,slow").values()).containsExactly("fast", "slow");
        assertThat(ParamRange.parse("on=true,false").values()).containsExactly(true, false);
        ParamRange fixed = ParamRange.parse("qty=10");
        assertThat(fixed.values()).containsExactly(10);
        assertThat(fixed.varies()).isFalse();
        assertThat(ParamRange.parse("big=3000000000").values()).containsExactly(3_000_000_000L);
    }

    @Test
    void invertedEmptyAndMalformedRangesAreRejectedWithTheirText() {
        assertThatThrownBy(() -> ParamRange.parse("fast=50..5:5")).hasMessageContaining("fast=50..5:5").hasMessageContaining("inverted");
        assertThatThrownBy(() -> ParamRange.parse("fast=5..50:0")).hasMessageContaining("step must be positive");
        assertThatThrownBy(() -> ParamRange.parse("fast=5..50:-5")).hasMessageContaining("step must be positive");
        assertThatThrownBy(() -> ParamRange.parse("fast=")).hasMessageContaining("no value");
        assertThatThrownBy(() -> ParamRange.parse("fast")).hasMessageContaining("NAME=");
        assertThatThrownBy(() -> ParamRange.parse("fast=a..9")).hasMessageContaining("'a' is not a number");
        assertThatThrownBy(() -> ParamRange.parse("fast=5,,9")).hasMessageContaining("empty value");
        assertThatThrownBy(() -> ParamRange.parse("fast=5,9,5")).hasMessageContaining("5 appears twice");
        assertThatThrownBy(() -> ParamRange.parse("fast=1..10000000")).hasMessageContaining("more than");
        assertThatThrownBy(() -> ParamRange.parse("1x=5")).hasMessageContaining("not a param name");
    }

    @Test
    void combinationsCountWithTheLastParamFastest() {
        ParamSpace space = ParamSpace.parse(List.of("fast=5..15:5", "slow=20,30", "qty=10"));
        assertThat(space.size()).isEqualTo(6);
        assertThat(space.varied()).containsExactly("fast", "slow");
        // nested loops: for fast { for slow { for qty } }
        int index = 0;
        for (int fast : new int[] {5, 10, 15}) {
            for (int slow : new int[] {20, 30}) {
                assertThat(space.paramsAt(index++)).isEqualTo(Map.of("fast", fast, "slow", slow, "qty", 10));
            }
        }
    }

    @Test
    void aSpaceRejectsRepeatedAndUndeclaredParams() {
        assertThatThrownBy(() -> ParamSpace.parse(List.of("fast=5", "fast=6"))).hasMessageContaining("'fast' is given twice");
        ParamSpace space = ParamSpace.parse(List.of("fsat=5..10"));
        assertThatThrownBy(() -> space.checkDeclared(SmaCross.DEFAULTS, "sma.groovy"))
                .hasMessage("unknown param 'fsat' (sma.groovy has: fast, slow, qty)");
        assertThatThrownBy(() -> ParamSpace.parse(List.of())).hasMessageContaining("at least one --param");
    }
}
