package io.tradeshell.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstraintTest {
    private static final Map<String, Object> DECLARED = Map.of("fast", 10, "slow", 30, "k", 2.0, "on", true, "mode", "x");

    private static boolean test(String text, Object... nameValues) {
        Constraint c = Constraint.parse(text);
        c.check(DECLARED);
        Map<String, Object> env = new HashMap<>(DECLARED);
        for (int i = 0; i < nameValues.length; i += 2) env.put((String) nameValues[i], nameValues[i + 1]);
        return c.test(env);
    }

    @Test
    void comparisonsOfParamsAndNumbers() {
        assertThat(test("fast < slow", "fast", 5, "slow", 20)).isTrue();
        assertThat(test("fast < slow", "fast", 20, "slow", 20)).isFalse();
        assertThat(test("fast <= slow", "fast", 20, "slow", 20)).isTrue();
        assertThat(test("fast == 20", "fast", 20)).isTrue();
        assertThat(test("fast != 20", "fast", 20)).isFalse();
        assertThat(test("slow >= 2 * fast", "fast", 10, "slow", 20)).isTrue();
        assertThat(test("slow >= 2 * fast", "fast", 11, "slow", 20)).isFalse();
        assertThat(test("slow - fast > 5", "fast", 10, "slow", 15)).isFalse();
        assertThat(test("slow % fast == 0", "fast", 5, "slow", 15)).isTrue();
        assertThat(test("k * 1.5 > 2.9")).isTrue();
        assertThat(test("-fast < 0")).isTrue();
    }

    @Test
    void andBindsTighterThanOrAndParenthesesOverrideIt() {
        // false || (true && false) = false ; (false || true) && false = false ; false || true = true
        assertThat(test("fast > 50 || fast < slow && slow > 100", "fast", 10, "slow", 30)).isFalse();
        assertThat(test("fast > 50 || fast < slow && slow > 10", "fast", 10, "slow", 30)).isTrue();
        assertThat(test("(fast > 50 || fast < slow) && slow > 100", "fast", 60, "slow", 30)).isFalse();
        assertThat(test("!(fast < slow)", "fast", 10, "slow", 30)).isFalse();
        assertThat(test("fast < slow and not on", "fast", 10, "slow", 30, "on", false)).isTrue();
        assertThat(test("on == true or fast > 100")).isTrue();
    }

    @Test
    void unknownNamesAndTextParamsAreRejectedBeforeAnyRun() {
        assertThatThrownBy(() -> Constraint.parse("fast < slwo").check(DECLARED))
                .hasMessageStartingWith("constraint 'fast < slwo': unknown param 'slwo'");
        assertThatThrownBy(() -> Constraint.parse("mode == 1").check(DECLARED)).hasMessageContaining("'mode' is text");
        assertThatThrownBy(() -> Constraint.parse("fast + slow").check(DECLARED)).hasMessageContaining("must be a condition");
        assertThatThrownBy(() -> Constraint.parse("on < 1").check(DECLARED)).hasMessageContaining("compares a number with a yes/no");
    }

    @Test
    void syntaxErrorsNameTheirPosition() {
        assertThatThrownBy(() -> Constraint.parse("fast <")).hasMessage("constraint 'fast <': expected a number or a param name at the end at position 7");
        assertThatThrownBy(() -> Constraint.parse("fast = slow")).hasMessageContaining("at position 6 (use == to compare)");
        assertThatThrownBy(() -> Constraint.parse("fast < slow & slow < 9")).hasMessageContaining("use && or ||");
        assertThatThrownBy(() -> Constraint.parse("(fast < slow")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> Constraint.parse("5 < fast < 9")).hasMessageContaining("chained comparison");
        assertThatThrownBy(() -> Constraint.parse("fast < slow slow")).hasMessageContaining("unexpected 'slow'");
    }

    @Test
    void blankIsNoConstraintAndNamesAreListed() {
        assertThat(Constraint.parse("  ").isNone()).isTrue();
        assertThat(Constraint.parse("slow > fast && fast > 2").names()).isEqualTo(List.of("fast", "slow"));
    }

    @Test
    void aPlanKeepsExactlyTheCombinationsThatMeetTheConstraint() {
        ParamSpace space = ParamSpace.parse(List.of("fast=5..50:5", "slow=20..60:10"));
        CombinationPlan plan = CombinationPlan.of(space, Constraint.parse("fast < slow"), DECLARED, Search.GRID);
        // by hand, as nested loops: count (fast, slow) with fast < slow
        int expected = 0;
        for (int fast = 5; fast <= 50; fast += 5) for (int slow = 20; slow <= 60; slow += 10) if (fast < slow) expected++;
        // slow 20: fast 5..15 (3); 30: 5..25 (5); 40: 5..35 (7); 50: 5..45 (9); 60: 5..50 (10)
        assertThat(plan.size()).isEqualTo(expected).isEqualTo(3 + 5 + 7 + 9 + 10);
        for (int k = 0; k < plan.size(); k++) {
            Map<String, Object> p = plan.params(k);
            assertThat((Integer) p.get("fast")).isLessThan((Integer) p.get("slow"));
            if (k > 0) assertThat(plan.id(k)).isGreaterThan(plan.id(k - 1));
        }
    }

    @Test
    void aConstraintThatExcludesEverythingIsAnErrorBeforeAnyRun() {
        ParamSpace space = ParamSpace.parse(List.of("fast=50..60", "slow=20..30"));
        assertThatThrownBy(() -> CombinationPlan.of(space, Constraint.parse("fast < slow"), DECLARED, Search.GRID))
                .hasMessage("constraint 'fast < slow' excludes every one of the 121 combinations");
    }

    @Test
    void aRandomSampleIsDistinctSeededAndMeetsTheConstraint() {
        ParamSpace space = ParamSpace.parse(List.of("fast=1..100", "slow=1..100"));
        Constraint c = Constraint.parse("fast < slow");
        CombinationPlan a = CombinationPlan.of(space, c, DECLARED, new Search.Random(50, 7));
        CombinationPlan b = CombinationPlan.of(space, c, DECLARED, new Search.Random(50, 7));
        CombinationPlan other = CombinationPlan.of(space, c, DECLARED, new Search.Random(50, 8));
        assertThat(a.size()).isEqualTo(50);
        long[] ids = new long[50], again = new long[50], differ = new long[50];
        for (int k = 0; k < 50; k++) {
            ids[k] = a.id(k);
            again[k] = b.id(k);
            differ[k] = other.id(k);
            assertThat((Integer) a.params(k).get("fast")).isLessThan((Integer) a.params(k).get("slow"));
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates().isEqualTo(again);
        assertThat(differ).isNotEqualTo(ids);
        // more samples than combinations: all of them
        CombinationPlan all = CombinationPlan.of(ParamSpace.parse(List.of("fast=1..3", "slow=1..3")), c, DECLARED, new Search.Random(50, 1));
        assertThat(all.size()).isEqualTo(3);
    }

    @Test
    void objectivesKnowTheirDirectionAndRankUncomputableLast() {
        Objective sharpe = Objective.parse("sharpe"), dd = Objective.parse("maxDrawdown");
        assertThat(sharpe.compare(2, 1)).isNegative();
        assertThat(dd.compare(0.1, 0.2)).isNegative();
        assertThat(sharpe.compare(Double.NaN, -5)).isPositive();
        assertThat(dd.compare(Double.NaN, 0.9)).isPositive();
        assertThatThrownBy(() -> Objective.parse("sharp")).hasMessageStartingWith("unknown objective 'sharp' (one of: finalEquity, totalReturn");
    }
}
