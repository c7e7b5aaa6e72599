package io.tradeshell.engine.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.data.TickSeries;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.execution.ExecutionAlgo;
import io.tradeshell.engine.order.ParentOrderRequest;
import io.tradeshell.engine.order.ParentOrderSnapshot;
import io.tradeshell.engine.order.ParentStatus;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.LiveRun;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.TickReplayFeed;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.tca.OrderCost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parent orders worked by TWAP, VWAP and participation schedules: the children each schedule
 * sends, worked out by hand on bars and on trades, are the same in a backtest, a live replay and
 * a paper session (a resumed one too); cancelling a parent cancels its children.
 */
class ExecutionAlgosTest {
    private static final long MIN = 60_000;

    @TempDir
    Path tmp;

    /** Bar i of 5 minutes opens at 100 + i, high +1, low -1, closes +0.5, volume 1000 (i + 1). */
    private static BarSeries rising(int n) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) rows[i] = new double[] {100 + i, 101 + i, 99 + i, 100.5 + i, 1000.0 * (i + 1)};
        return Fixtures.bars("X", 5 * MIN, rows);
    }

    /** Starts one parent at the close of bar {@code at}; cancels it at the close of bar {@code cancelAt} (-1: never). */
    private static StrategyFactory parentAt(int at, Side side, double qty, ExecutionAlgo algo, int cancelAt) {
        return Fixtures.factory("algo", ctx -> new Strategy() {
            ParentOrderSnapshot parent;

            public void onBar(int i) {
                if (i == at) parent = ctx.submitParent(new ParentOrderRequest(ctx.symbol(), side, qty, algo, "buy"));
                if (i == cancelAt) ctx.cancelParent(parent.id());
            }

            public int warmupBars() { return 0; }
        });
    }

    private List<RunResult> everyMode(String name, RunSpec spec) throws Exception {
        RunResult backtest = Backtest.run(spec);
        RunResult live = LiveRun.of(spec, Fixtures.feed(spec)).run();
        RunResult paper = Fixtures.start(new PaperHome(tmp), name, spec, Fixtures.config(name, spec, Double.NaN, Double.NaN),
                PaperSession.Wiring.quiet()).result();
        return List.of(backtest, live, paper);
    }

    private static List<double[]> fills(RunResult r) {
        return r.fills().stream().map(f -> new double[] {f.time() / (double) MIN, f.qty(), f.price()}).toList();
    }

    @Test
    void twapOnBarsSendsTheSlicesDueAtEachCloseAndFillsThemAtTheNextOpensInEveryMode() throws Exception {
        // decided at bar 1's close (10m): slices of 50 due at 10, 13, 16, ... 37m; each close sends what is due
        // 10m: 1 due -> 50; 15m: 2 -> 50; 20m: 4 -> 100; 25m: 6 -> 100; 30m: 7 -> 50; 35m: 9 -> 100; 40m: 10 -> 50
        RunSpec spec = Fixtures.spec(parentAt(1, Side.BUY, 500, new ExecutionAlgo.Twap(30 * MIN, 10), -1), List.of(rising(12)),
                Fixtures.frictionless(), RiskLimits.none());
        double[][] expected = {{10, 50, 102}, {15, 50, 103}, {20, 100, 104}, {25, 100, 105}, {30, 50, 106}, {35, 100, 107}, {40, 50, 108}};
        for (RunResult r : everyMode("twap", spec)) {
            assertThat(fills(r)).as(r.mode()).containsExactly(expected);
            OrderCost c = r.costs().getFirst();
            assertThat(r.costs()).hasSize(1);
            assertThat(c.status()).isEqualTo("DONE");
            assertThat(c.orderIds()).hasSize(7);
            // by hand: arrival = bar 1's close 101.5, start = bar 2's open 102, average fill 52550 / 500 = 105.1
            assertThat(c.arrivalPrice()).isEqualTo(101.5);
            assertThat(c.startPrice()).isEqualTo(102);
            assertThat(c.avgFillPrice()).isCloseTo(105.1, within(1e-9));
            assertThat(c.delayCost()).isCloseTo(0.5 * 500, within(1e-9));
            assertThat(c.tradingCost()).isCloseTo(3.1 * 500, within(1e-6));
            assertThat(c.opportunityCost()).isZero();
            assertThat(c.shortfallBps()).isCloseTo(1800 / (500 * 101.5) * 1e4, within(1e-6));
            // the interval is bars 2..8, each at its typical price open + 1/6, weighted by volume 1000 (i + 1)
            double pv = 0, v = 0;
            for (int i = 2; i <= 8; i++) {
                pv += (100 + i + 1 / 6.0) * 1000 * (i + 1);
                v += 1000 * (i + 1);
            }
            assertThat(c.intervalVwap()).isCloseTo(pv / v, within(1e-9));
            assertThat(c.slippageVwapBps()).isCloseTo((105.1 - pv / v) / (pv / v) * 1e4, within(1e-6));
        }
    }

    @Test
    void vwapOnBarsFollowsTheVolumeEachTimeOfDayTradedOnThePreviousDays() throws Exception {
        // hourly bars over three days; hour h of the day trades (h + 1) x 100 every day, so a 3-hour VWAP decided
        // at 10:00 on day 3 weighs hours 10, 11, 12 as 11 : 12 : 13 of 36
        int n = 24 * 3;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) rows[i] = new double[] {50, 50, 50, 50, 100.0 * (i % 24 + 1)};
        BarSeries x = Fixtures.bars("X", 60 * MIN, rows);
        int decision = 48 + 9; // the 09:00 bar of day 3 closes at 10:00
        RunSpec spec = Fixtures.spec(parentAt(decision, Side.BUY, 360, new ExecutionAlgo.Vwap(180 * MIN, 20), -1), List.of(x),
                Fixtures.frictionless(), RiskLimits.none());
        // cumulative 110, 230, 360 (whole units, rounded down): children 110, 120, 130 at the opens of 10, 11 and 12:00
        for (RunResult r : everyMode("vwap", spec)) {
            assertThat(r.fills()).extracting(Fill::qty).as(r.mode()).containsExactly(110.0, 120.0, 130.0);
            assertThat(r.fills()).extracting(f -> (f.time() - 2 * 24 * 60 * MIN) / (60 * MIN)).containsExactly(10L, 11L, 12L);
        }
    }

    @Test
    void povOnBarsTakesItsShareOfEachClosedBarsVolumeUpToItsMax() throws Exception {
        // decided at bar 1's close; 5% of the volume traded since, each child at most 200:
        // bar 2 (3000): 150 due -> 150; bar 3 (7000 in all): 350 -> 200; bar 4 (12000): 600 -> 250, capped 200;
        // bar 5 (18000): 900, but 800 in all -> 250, capped 200; bar 6: the last 50
        RunSpec spec = Fixtures.spec(parentAt(1, Side.BUY, 800, new ExecutionAlgo.Pov(0.05, 200), -1), List.of(rising(9)),
                Fixtures.frictionless(), RiskLimits.none());
        for (RunResult r : everyMode("pov", spec)) {
            assertThat(fills(r)).as(r.mode()).containsExactly(new double[] {15, 150, 103}, new double[] {20, 200, 104},
                    new double[] {25, 200, 105}, new double[] {30, 200, 106}, new double[] {35, 50, 107});
            assertThat(r.costs().getFirst().status()).isEqualTo("DONE");
        }
    }

    @Test
    void cancellingTheParentCancelsItsWorkingChildAndSendsNoMore() throws Exception {
        // a latency of 6 minutes keeps each child working for more than a bar; the parent is cancelled at 25m
        RunSpec spec = Fixtures.spec(parentAt(1, Side.BUY, 500, new ExecutionAlgo.Twap(30 * MIN, 10), 4), List.of(rising(12)),
                Fixtures.frictionless().withRealism(6 * MIN, 0, 0, 1), RiskLimits.none());
        for (RunResult r : everyMode("cancel", spec)) {
            // the child sent at 10m is active from 16m and fills at the 20m open; those sent at 15m (active from 21m)
            // and 20m (from 26m) are still working at the 25m close, where the parent is cancelled
            assertThat(fills(r)).as(r.mode()).containsExactly(new double[] {20, 50, 104});
            assertThat(r.costs().getFirst().status()).isEqualTo("CANCELLED");
            assertThat(r.costs().getFirst().filledQty()).isEqualTo(50);
        }
        List<String> orders = Files.readAllLines(new PaperHome(tmp).existing("cancel").dir().resolve("orders.jsonl"));
        assertThat(orders.stream().filter(l -> l.contains("\"status\":\"CANCELLED\""))).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("cancelled by the strategy"));
        assertThat(Fixtures.journal(new PaperHome(tmp).existing("cancel"), "ParentOrderUpdated"))
                .extracting(j -> j.path("step").asText()).last().isEqualTo("cancelled: cancelled by the strategy");
    }

    @Test
    void twapOnTradesSendsEachSliceAtTheFirstTradeItIsDueAndFillsItAtTheNextTrade() throws Exception {
        // a trade every 10 s at 100 + 0.1 k; decided at the trade of 50 s: 40 units in 4 slices due at 50, 65, 80, 95 s
        TickSeries t = new TickSeries("X", 2, 32);
        for (int k = 0; k < 20; k++) t.append(k * 10_000L, 100 + 0.1 * k, 1 + k % 3);
        StrategyFactory onTrade = Fixtures.factory("ticks", ctx -> new Strategy() {
            public void onBar(int i) { }

            public void onTick(long time, double price, double amount) {
                if (time == 50_000) ctx.submitParent(new ParentOrderRequest(ctx.symbol(), Side.BUY, 40, new ExecutionAlgo.Twap(MIN, 4), "buy"));
            }

            public int warmupBars() { return 0; }
        });
        BarSeries hourly = new BarSeries("X", Duration.ofHours(1), 2, 1);
        hourly.append(0, 100, 102, 100, 101.9, 30);
        RunSpec spec = Fixtures.spec(onTrade, List.of(hourly), Fixtures.frictionless(), RiskLimits.none());
        // sent at 50 s (due 1), 70 s (due 2), 80 s (due 3), 100 s (due 4); each fills at the next trade
        double[][] expected = {{60, 10, 100.6}, {80, 10, 100.8}, {90, 10, 100.9}, {110, 10, 101.1}};
        RunResult live = LiveRun.of(spec, new TickReplayFeed(List.of(t), Duration.ofHours(1))).run();
        RunResult paper = PaperSession.start(new PaperHome(tmp).account("ticks"), Fixtures.config("ticks", spec, Double.NaN, Double.NaN),
                Fixtures.script(tmp), spec, new TickReplayFeed(List.of(t), Duration.ofHours(1)), PaperSession.Wiring.quiet()).run().result();
        for (RunResult r : List.of(live, paper)) {
            assertThat(r.fills().stream().map(f -> new double[] {f.time() / 1000.0, f.qty(), f.price()}).toList()).as(r.mode())
                    .containsExactly(expected);
            OrderCost c = r.costs().getFirst();
            // arrival: the trade at 50 s (100.5); start: the next trade (100.6); the interval's trades are 60..110 s
            assertThat(c.arrivalPrice()).isEqualTo(100.5);
            assertThat(c.startPrice()).isEqualTo(100.6);
            double pv = 0, v = 0;
            for (int k = 6; k <= 11; k++) {
                pv += (100 + 0.1 * k) * (1 + k % 3);
                v += 1 + k % 3;
            }
            assertThat(c.intervalVwap()).isCloseTo(pv / v, within(1e-9));
            assertThat(c.avgFillPrice()).isCloseTo((100.6 + 100.8 + 100.9 + 101.1) / 4, within(1e-9));
        }
    }

    @Test
    void aResumedPaperSessionContinuesAParentWhereTheCrashLeftIt() throws Exception {
        PaperHome home = new PaperHome(tmp);
        RunSpec spec = Fixtures.spec(parentAt(1, Side.BUY, 500, new ExecutionAlgo.Twap(30 * MIN, 10), -1), List.of(rising(12)),
                Fixtures.frictionless(), RiskLimits.none());
        var whole = Fixtures.start(home, "whole", spec, Fixtures.config("whole", spec, Double.NaN, Double.NaN), PaperSession.Wiring.quiet());
        int[] fills = {0};
        PaperSession.Wiring crashAtThird = PaperSession.Wiring.quiet().withConsole(e -> {
            if (e instanceof TradingEvent.OrderFilled && ++fills[0] == 3) throw new IllegalStateException("simulated crash");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fixtures.start(home, "crashed", spec,
                Fixtures.config("crashed", spec, Double.NaN, Double.NaN), crashAtThird)).hasMessageContaining("simulated crash");
        assertThat(Fixtures.journal(home.existing("crashed"), "ParentOrderUpdated")).extracting(j -> j.path("status").asText())
                .doesNotContain(ParentStatus.DONE.name());

        var resumed = Fixtures.resume(home, "crashed", spec, PaperSession.Wiring.quiet(), false);

        assertThat(fills(resumed.result())).containsExactlyElementsOf(fills(whole.result()));
        assertThat(resumed.result().costs()).isEqualTo(whole.result().costs());
        assertThat(Fixtures.tradingLines(home.existing("crashed"))).isEqualTo(Fixtures.tradingLines(home.existing("whole")));
        assertThat(Fixtures.journal(home.existing("crashed"), "ParentOrderUpdated")).extracting(j -> j.path("step").asText())
                .last().isEqualTo("done");
    }
}
