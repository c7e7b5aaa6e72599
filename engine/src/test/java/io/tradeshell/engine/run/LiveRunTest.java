package io.tradeshell.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.data.SyntheticBars;
import io.tradeshell.engine.data.TickAggregator;
import io.tradeshell.engine.data.TickSeries;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.SmaIndicator;
import io.tradeshell.engine.journal.RunOutputWriter;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.rules.Rules;
import io.tradeshell.engine.strategy.ExitPlan;
import io.tradeshell.engine.strategy.RuleStrategy;
import io.tradeshell.engine.strategy.Sizing;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.strategy.TradingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveRunTest {
    @TempDir
    Path tmp;

    private static StrategyFactory smaCross() {
        return new StrategyFactory() {
            public String name() { return "sma"; }
            public Map<String, Object> params() { return Map.of(); }
            public Strategy create(TradingContext ctx) {
                var close = new PriceIndicator(ctx.bars(), PriceIndicator.Column.CLOSE);
                var f = new SmaIndicator(close, 8);
                var s = new SmaIndicator(close, 21);
                return new RuleStrategy(ctx, new RuleStrategy.RuleSet(Optional.of(Rules.crossedOver(f, s)), new Sizing.PercentOfEquity(0.5),
                        Optional.of(Rules.crossedUnder(f, s)), Optional.empty(), new Sizing.Fixed(1), Optional.empty()), 0, null, null);
            }
        };
    }

    private static RunSpec spec(BarSeries bars) {
        var x = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001), new Slippage(5), 0, 0, 0, 1);
        return new RunSpec("sma", smaCross(), List.of(new DataInput(bars, "x.csv", "sha")), x, 100_000, RiskLimits.none(), 1);
    }

    @Test
    void onBarDataALiveRunAtAnySpeedMakesExactlyTheBacktestsTradesAndEquity() {
        RunSpec spec = spec(SyntheticBars.generate(3, 3000));
        ExitPlan exits = ExitPlan.NONE.withStopLoss(new ExitPlan.Offset.Percent(0.01));
        RunResult backtest = Backtest.loop(spec, RunRecorder.NONE, exits).run();
        RunResult max = LiveRun.of(spec, Backtest.barFeed(spec)).exits(exits).run();
        ManualWallClock wall = new ManualWallClock(0);
        RunResult paced = LiveRun.of(spec, Backtest.barFeed(spec)).exits(exits).speed(Speed.parse("600x")).wallClock(wall).run();

        assertThat(backtest.trades()).hasSizeGreaterThan(20);
        for (RunResult live : List.of(max, paced)) {
            assertThat(live.mode()).isEqualTo("live");
            assertThat(live.trades()).isEqualTo(backtest.trades());
            assertThat(live.fills()).isEqualTo(backtest.fills());
            assertThat(live.curve().time()).isEqualTo(backtest.curve().time());
            assertThat(live.curve().equity()).isEqualTo(backtest.curve().equity());
        }
        // 3000 one-minute bars at 600x: 50 hours of feed time in 5 minutes of wall time, less the first bar's
        assertThat(wall.now).isEqualTo(2999 * 60_000L / 600);
    }

    @Test
    void liveOutputsAreOnDiskLineByLineWhileTheRunGoes() throws Exception {
        RunSpec spec = spec(SyntheticBars.generate(3, 400));
        Path dir = tmp.resolve("live");
        List<Long> equityLinesSeen = new ArrayList<>();
        LiveRun.of(spec, Backtest.barFeed(spec)).recorder(new RunOutputWriter(dir, true))
                .onStatus(s -> {
                    try {
                        if (s.feedPosition() > 0) equityLinesSeen.add(Files.lines(dir.resolve("equity.jsonl")).count());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, 0)
                .run();
        // before bar k+1 is delivered, bar k's equity line can already be read by another process
        assertThat(equityLinesSeen.get(0)).isEqualTo(1);
        assertThat(equityLinesSeen.get(99)).isEqualTo(100);
        assertThat(Files.readAllLines(dir.resolve("equity.jsonl"))).hasSize(400);
        assertThat(Files.exists(dir.resolve("summary.json"))).isTrue();
    }

    @Test
    void onTradesTheAccountIsMarkedAtEveryTradeAndOrdersFillOnTheNextTrade() {
        TickSeries ticks = new TickSeries("BTC", 2, 16);
        double[][] rows = {{1_000, 100, 5}, {30_000, 101, 5}, {61_000, 104, 5}, {62_000, 103, 5}, {125_000, 110, 5}};
        for (double[] r : rows) ticks.append((long) r[0], r[1], r[2]);
        BarSeries bars = TickAggregator.aggregate(ticks, Duration.ofMinutes(1));
        StrategyFactory buyOnFirstBar = new StrategyFactory() {
            public String name() { return "buy once"; }
            public Map<String, Object> params() { return Map.of(); }
            public Strategy create(TradingContext ctx) {
                return new Strategy() {
                    public void onBar(int i) { if (i == 0) ctx.submit(OrderRequest.market("BTC", Side.BUY, 2, "buy")); }
                    public int warmupBars() { return 0; }
                };
            }
        };
        var x = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0), Slippage.NONE, 0, 0, 0, 1);
        RunSpec spec = new RunSpec("t", buyOnFirstBar, List.of(new DataInput(bars, "t.csv", "sha")), x, 1_000, RiskLimits.none(), 1);
        List<LiveStatus> seen = new ArrayList<>();
        RunResult r = LiveRun.of(spec, new TickReplayFeed(List.of(ticks), Duration.ofMinutes(1))).onStatus(seen::add, 0).run();

        // bar 0 closes at 60 s; the order fills at the next trade, 104 at 61 s
        assertThat(r.fills()).hasSize(1);
        assertThat(r.fills().get(0).price()).isEqualTo(104);
        assertThat(r.fills().get(0).time()).isEqualTo(61_000);
        // status before each event: after the trade at 62 s the account is marked at 103
        LiveStatus afterSecondTrade = seen.stream().filter(s -> s.feedPosition() == 5).findFirst().orElseThrow();
        assertThat(afterSecondTrade.feedTime()).isEqualTo(62_000);
        assertThat(afterSecondTrade.cash()).isEqualTo(1_000 - 2 * 104);
        assertThat(afterSecondTrade.equity()).isEqualTo(1_000 - 2 * 104 + 2 * 103);
        assertThat(afterSecondTrade.quotes().get(0).lastPrice()).isEqualTo(103);
        LiveStatus last = seen.get(seen.size() - 1);
        assertThat(last.equity()).isEqualTo(1_000 - 2 * 104 + 2 * 110);
        assertThat(last.pnl()).isEqualTo(2 * (110 - 104));
        // the trade at 125 s marks the account, but its minute never ends in the data: no bar, no equity point
        assertThat(r.curve().equity()).containsExactly(1_000, 1_000 - 208 + 206);
    }
}
