package io.tradeshell.dsl;

import static io.tradeshell.dsl.ScriptBehaviourTest.bars;
import static io.tradeshell.dsl.ScriptBehaviourTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.run.RunResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sizes worked out when the entry is decided: expressions, indicators, risk per trade and
 * volatility targeting, each against figures worked out by hand or by a plain loop here.
 * The account starts with 10,000 and costs are off; bars have open = close.
 */
class SizingWordsTest {

    private static double firstQty(String source, BarSeries bars) {
        RunResult r = run(source, Map.of(), bars);
        assertThat(r.fills()).as("the entry must fill").isNotEmpty();
        return r.fills().get(0).qty();
    }

    @Test
    void aQtyExpressionSeesTheAccountAndTheDecisionBarsClose() {
        // decided at bar 2 (the first close over 11.5, 12): 10,000 x 0.1 / 12 = 83.3 -> 83 whole units
        String src = "buyWhen over(close, 11.5), qty: { equity * 0.1 / price }";
        assertThat(firstQty(src, bars("X", 10, 11, 12, 13, 14))).isEqualTo(83.0);
    }

    @Test
    void percentAndCashExpressionsAreReadAsPercentOfEquityAndCash() {
        // 50% of 10,000 at 12 = 416.7 -> 416; 1,200 of cash at 12 = 100
        assertThat(firstQty("buyWhen over(close, 11.5), percent: { 50 }", bars("X", 10, 11, 12, 13))).isEqualTo(416.0);
        assertThat(firstQty("buyWhen over(close, 11.5), cash: { cash / 10 + 200 }", bars("X", 10, 11, 12, 13))).isEqualTo(100.0);
    }

    @Test
    void anIndicatorAsTheSizeIsReadAtTheDecisionBar() {
        // decided at bar 2, where close x 2 = 24 (bar 3's 26 would be the future)
        assertThat(firstQty("buyWhen over(close, 11.5), qty: close * 2", bars("X", 10, 11, 12, 13))).isEqualTo(24.0);
    }

    @Test
    void theScriptsOwnAccountSeriesGiveTheSameSizeAsTheExpressionsNumbers() {
        // `this.equity` is the script's equity series (what a statically compiled expression reads),
        // `equity` the number the expression's delegate gives: both are the account at the decision bar
        BarSeries b = bars("X", 10, 11, 12, 13, 14);
        double asNumbers = firstQty("buyWhen over(close, 11.5), qty: { equity * 0.1 / price }", b);
        double asSeries = firstQty("buyWhen over(close, 11.5), qty: { this.equity * 0.1 / this.close }", bars("X", 10, 11, 12, 13, 14));
        assertThat(asSeries).isEqualTo(asNumbers);
    }

    @Test
    void onBarBuyUsesTheBuyWhenExpressionAndTakesItsOwn() {
        String src = """
                buyWhen under(close, 0), qty: { equity / price / 4 }
                onBar {
                    if (index == 1) buy()                        // 10,000 / 11 / 4 = 227.3 -> 227
                    if (index == 3) sell()
                    if (index == 4) buy(qty: { cash / price })   // all the cash at bar 4's close
                }
                """;
        RunResult r = run(src, Map.of(), bars("X", 10, 11, 12, 13, 14, 15));
        assertThat(r.fills()).extracting(Fill::qty).first().isEqualTo(227.0);
        // cash after the round trip: 10,000 - 227 x 12 + 227 x 14 = 10,454; / 14 = 746.7 -> an order for 746,
        // which fills at bar 5's open (15) as far as the cash goes: 10,454 / 15 = 696.9 -> 696, the rest cut
        assertThat(r.fills().get(2).qty()).isEqualTo(696.0);
    }

    @Test
    void riskPerTradeSizesSoTheStopDistanceLosesThePercent() {
        // 1% of 10,000 = 100 at risk over a stop 2 away: 50 units
        assertThat(firstQty("buyWhen over(close, 0), riskPercent: 1, stop: 2", bars("X", 30, 30, 30))).isEqualTo(50.0);
        // a stop of half the close (15): 100 / 15 = 6.67 -> 6
        assertThat(firstQty("buyWhen over(close, 0), riskPercent: 1, stop: close / 2", bars("X", 30, 30, 30))).isEqualTo(6.0);
    }

    @Test
    void volatilityTargetingMatchesAPlainComputation() {
        double[] closes = {100, 101, 99, 102, 104, 103, 105, 104, 106, 108, 107, 110};
        BarSeries b = bars("X", closes);
        // entries wait for 5 returns: decided at bar 5 (the rule holds from bar 0)
        RunResult r = run("buyWhen over(close, 0), volTarget: 0.15, lookback: 5", Map.of(), b);
        int decision = 5;
        double[] ret = new double[5];
        double mean = 0;
        for (int k = 0; k < 5; k++) {
            ret[k] = closes[decision - 4 + k] / closes[decision - 5 + k] - 1;
            mean += ret[k] / 5;
        }
        double ss = 0;
        for (double x : ret) ss += (x - mean) * (x - mean);
        // daily bars: 5 bars over 5 days is 365.25 bars a year
        double annual = Math.sqrt(ss / 4) * Math.sqrt(5 / (5 / 365.25));
        double fraction = Math.min(0.15 / annual, 1.0);
        double expected = Math.floor(10_000 * fraction / closes[decision]);
        assertThat(r.warmupBars()).isEqualTo(5);
        assertThat(r.fills().get(0).qty()).isEqualTo(expected);
        assertThat(r.fills().get(0).price()).isEqualTo(closes[decision + 1]);
        assertThat(fraction).as("volatile enough to size under 100%").isLessThan(1.0);
    }

    @Test
    void aCalmSeriesIsCappedAtMaxPercent() {
        double[] closes = new double[30];
        for (int i = 0; i < closes.length; i++) closes[i] = 100 + (i % 2) * 0.01;
        // the returns' volatility is far under 15%: the size is capped at 40% of equity; decided at bar 10
        // (10 returns), whose close is 100: 10,000 x 0.4 / 100 = 40
        RunResult r = run("buyWhen over(close, 0), volTarget: 0.15, lookback: 10, maxPercent: 40", Map.of(), bars("X", closes));
        assertThat(r.fills().get(0).qty()).isEqualTo(40.0);
    }

    @Test
    void aSizeThatIsNotANumberIsAScriptErrorNamingTheLineAndTheBar() {
        String src = "params x: 1\nbuyWhen over(close, 0), qty: { 'ten' }\n";
        assertThatThrownBy(() -> run(src, Map.of(), bars("X", 10, 11, 12)))
                .isInstanceOf(ScriptException.class)
                .hasMessage("test.groovy:2: buyWhen qty must be a number, got String 'ten' (at bar 1970-01-01T00:00:00Z of X)");
    }

    @Test
    void aNaNOrNegativeSizeIsAScriptError() {
        assertThatThrownBy(() -> run("buyWhen over(close, 0), qty: { Double.NaN }", Map.of(), bars("X", 10, 11)))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("test.groovy:1: buyWhen qty is NaN");
        assertThatThrownBy(() -> run("\nshortWhen over(close, 0), cash: { -5 }", Map.of(), bars("X", 10, 11)))
                .isInstanceOf(ScriptException.class)
                .hasMessage("test.groovy:2: shortWhen cash must not be negative, got -5.0 (at bar 1970-01-01T00:00:00Z of X)");
        assertThatThrownBy(() -> run("buyWhen over(close, 0), riskPercent: 1, stop: close - close", Map.of(), bars("X", 10, 11)))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("test.groovy:1: buyWhen riskPercent: the stop distance")
                .hasMessageEndingWith("is 0.0: risk sizing needs a positive distance (at bar 1970-01-01T00:00:00Z of X)");
    }

    @Test
    void badSizingDeclarationsFailWhenTheScriptLoads() {
        assertThatThrownBy(() -> new StrategyCompiler().compile("s.groovy", "s.groovy", "buyWhen over(close, 0), qty: 'ten'\n"))
                .hasMessage("s.groovy:1: buyWhen qty must be a number, an indicator or an expression { ... }, got String 'ten'");
        assertThatThrownBy(() -> new StrategyCompiler().compile("s.groovy", "s.groovy", "buyWhen over(close, 0), riskPercent: 1\n"))
                .hasMessageStartingWith("s.groovy:1: buyWhen riskPercent needs the stop distance");
        assertThatThrownBy(() -> new StrategyCompiler().compile("s.groovy", "s.groovy", "buyWhen over(close, 0), qty: -3\n"))
                .hasMessage("s.groovy:1: buyWhen qty must be a positive number, got -3.0");
        assertThatThrownBy(() -> new StrategyCompiler().compile("s.groovy", "s.groovy", "buyWhen over(close, 0), volTarget: 0.1, stop: 2\n"))
                .hasMessage("s.groovy:1: buyWhen volTarget cannot be combined with 'stop' (it takes [volTarget, lookback, maxPercent])");
    }
}
