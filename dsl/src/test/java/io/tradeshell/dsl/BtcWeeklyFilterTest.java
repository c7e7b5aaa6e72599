package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shipped weekly-filtered BTC strategy on the bundled 4-hour bars, and what it could not have known. */
class BtcWeeklyFilterTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ExecutionSettings COSTS = new ExecutionSettings(FillTiming.NEXT_OPEN,
            new CommissionModel.PercentOfNotional(0.001), new Slippage(5), 0, 0, 0, 1);
    private static final CompiledScript SCRIPT = new StrategyCompiler().compile(ROOT.resolve("strategies/btc_weekly_filter.groovy"));

    private static RunResult run(BarSeries bars) {
        return Backtest.run(new RunSpec("btc_weekly_filter.groovy", SCRIPT.withParams(Map.of()),
                List.of(new DataInput(bars, "btc", "")), COSTS, 100_000, RiskLimits.none(), 0));
    }

    private static BarSeries btc() {
        return MarketData.load(ROOT.resolve("data/btcusd_coinbase_4h_2016-2025.json"), LoadOptions.defaults()).series();
    }

    @Test
    void itTradesOnlyOnceTwentyWeeksHaveClosed() {
        RunResult r = run(btc());
        assertThat(r.trades()).isNotEmpty();
        // the data starts on Wednesday 2016-05-18: its first (partial) week closes on 2016-05-23,
        // the twentieth on 2016-10-03, and nothing can be bought before that week's filter exists
        assertThat(r.fills().get(0).time()).isGreaterThan(Instant.parse("2016-10-03T00:00:00Z").toEpochMilli());
    }

    @Test
    void changingTheBarsAfterAnyPointChangesNoFillBeforeIt() {
        BarSeries base = btc();
        RunResult whole = run(base);
        Random rnd = new Random(3);
        for (int round = 0; round < 6; round++) {
            int k = 2_000 + rnd.nextInt(base.size() - 3_000);
            BarSeries changed = BarSeries.emptyLike(base);
            for (int i = 0; i <= k; i++) changed.appendFrom(base, i);
            for (int i = k + 1; i < base.size(); i++) {
                double f = 0.5 + rnd.nextDouble();
                changed.append(base.openTime(i), base.open(i) * f, base.high(i) * f * 1.05, base.low(i) * f * 0.95, base.close(i) * f, base.volume(i));
            }
            long until = base.closeTime(k);
            List<Fill> before = whole.fills().stream().filter(x -> x.time() < until).toList();
            List<Fill> after = run(changed).fills().stream().filter(x -> x.time() < until).toList();
            assertThat(after).as("fills before bar %d", k).isEqualTo(before);
        }
    }
}
