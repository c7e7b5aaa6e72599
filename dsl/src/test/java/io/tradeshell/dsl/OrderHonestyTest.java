package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.MarketData;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.LiveRun;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Orders no account could place are refused, or cut to what the cash pays for; figures by hand. */
class OrderHonestyTest {
    static final ExecutionSettings COSTS = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001),
            new Slippage(5), 0, 0, 0, 1);

    static BarSeries aapl() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(dir.resolve("data/aapl_daily_2013.csv"))) dir = dir.getParent();
        return MarketData.load(dir.resolve("data/aapl_daily_2013.csv"), LoadOptions.defaults().withSymbol("AAPL")).series();
    }

    static RunSpec spec(String source, RiskLimits risk, BarSeries bars) {
        CompiledScript script = new StrategyCompiler().compile("test.groovy", "test.groovy", source);
        return new RunSpec("test.groovy", script.withParams(Map.of()), List.of(new DataInput(bars, "aapl.csv", "")), COSTS, 100_000, risk, 1);
    }

    @Test
    void aMillionSharesOfAaplOnAHundredThousandBecomeTheSharesTheCashPaysFor() {
        RunSpec spec = spec("onBar { if (index == 40) buy(1_000_000) }", RiskLimits.none(), aapl());
        // decided at 2013-03-01's close, filled at 2013-03-04's open 427.80: 427.80 x 1.0005 = 428.0139 a share,
        // 428.4419139 with the 0.1% commission; 100000 / 428.4419139 = 233.40, so 233 shares (234 would cost 100255.41)
        for (RunResult r : List.of(Backtest.run(spec), LiveRun.of(spec, Backtest.barFeed(spec)).run())) {
            assertThat(r.fills()).extracting(Fill::qty).containsExactly(233.0);
            assertThat(r.fills().get(0).price()).isCloseTo(428.0139, within(1e-9));
            double cash = 100_000 - 233 * 428.0139 * 1.001;
            assertThat(r.metrics().finalEquity()).isCloseTo(cash + 233 * 561.02, within(1e-6)); // last close 561.02
            assertThat(r.accountChecks().ordersReducedForCash()).isEqualTo(1);
            assertThat(r.openPositions().get(0).qty()).isEqualTo(233.0);
        }
    }

    @Test
    void quantitiesNoOrderCanHaveAreScriptErrorsWithTheLine() {
        BarSeries bars = aapl();
        assertThatThrownBy(() -> Backtest.run(spec("onBar {\n  if (index == 3) buy(Double.NaN)\n}", RiskLimits.none(), bars)))
                .isInstanceOf(ScriptException.class)
                .hasMessage("test.groovy:2: order quantity must be a positive, finite number, was NaN (at bar 2013-01-07T00:00:00Z of AAPL)");
        assertThatThrownBy(() -> Backtest.run(spec("onBar {\n  if (index == 3) buy(1e300)\n}", RiskLimits.none(), bars)))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("test.groovy:2: order quantity 1.0E300 is beyond any market (at most 1e12 units)");
        assertThatThrownBy(() -> Backtest.run(spec("onBar {\n  if (index == 3) sellShort(-5)\n}", RiskLimits.none(), bars)))
                .hasMessageStartingWith("test.groovy:2: order quantity must be a positive, finite number, was -5.0");
        // a quantity within the bound but worth more than any market: 1e10 units at a limit of 1e6
        assertThatThrownBy(() -> Backtest.run(spec("onBar {\n  if (index == 3) buyLimit(1e6, 1e10)\n}", RiskLimits.none(), bars)))
                .hasMessageStartingWith("test.groovy:2: order of 1.0E10 at 1000000.0 is worth 1.0E16, beyond any market (at most 1e15)");
    }

    @Test
    void aPercentAboveWhatTheLeverageAllowsIsAScriptErrorNamingTheWord() {
        BarSeries bars = aapl();
        assertThatThrownBy(() -> Backtest.run(spec("title 'p'\nbuyWhen over(close, 0), percent: 10000", RiskLimits.none(), bars)))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("test.groovy:2: buyWhen percent: 10000 is more than the account can hold: at most 100 with max leverage 1");
        assertThatThrownBy(() -> Backtest.run(spec("onBar { if (index == 3) buy(percent: 250) }", RiskLimits.none(), bars)))
                .hasMessageStartingWith("test.groovy:1: buy percent: 250 is more than the account can hold");
        // with leverage 3 allowed, 250% is a valid size
        RunResult levered = Backtest.run(spec("onBar { if (index == 3) buy(percent: 250) }", RiskLimits.none().withMaxLeverage(3), bars));
        assertThat(levered.fills()).hasSize(1);
    }

    @Test
    void readingAFutureBarInOnBarSaysSoWithTheBar() {
        assertThatThrownBy(() -> Backtest.run(spec("onBar {\n  if (index == 2) println(close.value(index + 1))\n}", RiskLimits.none(), aapl())))
                .isInstanceOf(ScriptException.class)
                .hasMessage("test.groovy:2: read a future bar in onBar: bar 3 of AAPL has not closed yet (3 bars so far);"
                        + " only bars closed so far can be read (at bar 2013-01-04T00:00:00Z of AAPL)");
    }
}
