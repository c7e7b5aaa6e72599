package io.tradeshell.dsl;

import static io.tradeshell.dsl.ScriptBehaviourTest.bars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Where a rule is expected, {@code >} and {@code <} compare indicators bar by bar ({@code over},
 * {@code under}) and {@code &&}, {@code ||}, {@code !} combine rules, in the sandbox and in trusted
 * scripts alike; anywhere else a comparison is the ordinary one.
 */
class RuleOperatorsTest {
    private static final double[] CLOSES = {10, 12, 13, 10, 9, 12, 14, 15, 11, 8, 9, 13, 16, 12, 10};

    /** A model of the day's direction, refitted every 40 bars. */
    private static final String MODEL = "model 'dir', features: [roc(close, 1), roc(close, 3)], label: forwardReturn(1) > 0, learner: trees(depth: 2),"
            + " train: '60 bars', retrain: '40 bars'\n";

    /** A day's direction follows the one before it, except every fifth day: a pattern a small tree finds. */
    private static double[] patterned() {
        double[] closes = new double[300];
        closes[0] = 100;
        for (int i = 1; i < closes.length; i++) closes[i] = closes[i - 1] + ((i / 7) % 2 == 0 ^ i % 5 == 0 ? 1 : -1);
        return closes;
    }

    private static RunResult run(boolean sandboxed, String source) {
        return run(sandboxed, source, CLOSES);
    }

    private static RunResult run(boolean sandboxed, String source, double[] closes) {
        StrategyCompiler compiler = sandboxed ? new StrategyCompiler() : StrategyCompiler.trusted();
        CompiledScript script = compiler.compile("r.groovy", "r.groovy", source);
        BarSeries bars = bars("X", closes);
        return Backtest.run(new RunSpec("r.groovy", script.withParams(Map.of()), List.of(new DataInput(bars, "X", "")),
                ScriptBehaviourTest.NO_COSTS, 10_000, RiskLimits.none(), 1));
    }

    @ParameterizedTest(name = "sandboxed {0}")
    @ValueSource(booleans = {true, false})
    void aComparisonIsARuleReadAtEachBar(boolean sandboxed) {
        // closes 10 12 13 10 9 ...; open = close. Over 11 first at bar 1 (12): bought at bar 2's open, 13.
        // Under 11 first at bar 3 (10): sold at bar 4's open, 9. The size's own comparison is a number's:
        // the decision bar's price 12 is not over 12, so 1 unit.
        RunResult r = run(sandboxed, """
                buyWhen close > 11, qty: { price > 12 ? 2 : 1 }
                sellWhen close < 11
                """);
        assertThat(r.fills()).extracting(Fill::side, Fill::price, Fill::qty).startsWith(
                Tuple.tuple(Side.BUY, 13.0, 1.0), Tuple.tuple(Side.SELL, 9.0, 1.0));
    }

    @ParameterizedTest(name = "sandboxed {0}")
    @ValueSource(booleans = {true, false})
    void operatorsTradeExactlyAsTheWordsDo(boolean sandboxed) {
        RunResult words = run(sandboxed, """
                def avg = sma(close, 3)
                buyWhen and(over(close, avg), not(over(rsi(close, 2), 90)), or(under(previous(close), 12), over(close, 14))), qty: 1
                sellWhen or(under(close, avg), and(over(close, 15), not(under(avg, 13))))
                """);
        RunResult operators = run(sandboxed, """
                def avg = sma(close, 3)
                buyWhen close > avg && !(rsi(close, 2) > 90) && (previous(close) < 12 || close > 14), qty: 1
                sellWhen close < avg || close > 15 && !(avg < 13)
                """);
        assertThat(words.fills()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(operators.fills()).isEqualTo(words.fills());
    }

    @Test
    void aModelsPredictionComparedWithANumberTradesAsOverAndUnderDo() {
        double[] closes = patterned();
        String model = MODEL;
        RunResult words = run(true, model + "buyWhen over(prob('dir'), 0.6), percent: 90\nsellWhen under(prob('dir'), 0.4)\n", closes);
        RunResult operators = run(true, model + "buyWhen prob('dir') > 0.6, percent: 90\nsellWhen prob('dir') < 0.4\n", closes);
        assertThat(words.fills()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(operators.fills()).isEqualTo(words.fills());
    }

    @Test
    void anEqualityOrAnInclusiveComparisonInARuleIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> new StrategyCompiler().compile("s.groovy", "s.groovy", "def a = sma(close, 5)\nbuyWhen close >= a\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("s.groovy:2: a rule compares with > or < (over, under); '>=' is not a rule");
    }

    /**
     * Kept in a variable in the script body, a comparison with an indicator on a side is a rule
     * and trades as it does inside buyWhen; one of plain numbers stays a true or false. Inside a
     * block (onBar), and with && or || between rules, it would be one truth taken once: refused at
     * its line, saying which word to write.
     */
    @ParameterizedTest(name = "sandboxed {0}")
    @ValueSource(booleans = {true, false})
    void aComparisonKeptInAVariableIsARuleWhenASideIsAnIndicator(boolean sandboxed) {
        double[] closes = patterned();
        RunResult kept = run(sandboxed, MODEL + "def e = prob('dir') > 0.6\ndef x = 0.4 > prob('dir')\nbuyWhen e, percent: 90\nsellWhen x\n", closes);
        RunResult inline = run(sandboxed, MODEL + "buyWhen prob('dir') > 0.6, percent: 90\nsellWhen prob('dir') < 0.4\n", closes);
        assertThat(kept.fills()).hasSizeGreaterThanOrEqualTo(2).isEqualTo(inline.fills());
        // plain numbers still compare as numbers: 3 > 2 is true, so the rule is close over 11
        RunResult numbers = run(sandboxed, "def wide = 3 > 2\ndef narrow = 3 < 2\nbuyWhen close > (wide ? 11 : 0) && close > (narrow ? 100 : 0), qty: 1\nsellWhen close < 11\n");
        RunResult plain = run(sandboxed, "buyWhen close > 11, qty: 1\nsellWhen close < 11\n");
        assertThat(numbers.fills()).isNotEmpty().isEqualTo(plain.fills());
    }

    @Test
    void aComparisonOfIndicatorsInABlockOrRulesJoinedByAndOrOrOutsideARuleAreRefusedSayingWhichWordToWrite() {
        String whereRules = "only where a rule is expected (buyWhen, sellWhen, shortWhen, coverWhen, and, or, not)";
        assertThatThrownBy(() -> new StrategyCompiler().compile("s.groovy", "s.groovy", "def a = sma(close, 5)\nonBar {\n  def e = close > a\n}\n"))
                .isInstanceOf(ScriptException.class).hasMessage("s.groovy:3: '>' or '<' with an indicator on a side makes a rule " + whereRules
                        + " or kept in a def of the script body; here write over(a, b) for a > b, under(a, b) for a < b, or compare their values: a.value > b.value");
        assertThatThrownBy(() -> new StrategyCompiler().compile("s.groovy", "s.groovy", "def e = over(close, 3) || under(close, 2)\nbuyWhen e\n"))
                .isInstanceOf(ScriptException.class).hasMessage("s.groovy:1: '||' between rules makes a rule " + whereRules
                        + "; here it would be one true or false taken once: write or(a, b) for a || b");
    }
}
