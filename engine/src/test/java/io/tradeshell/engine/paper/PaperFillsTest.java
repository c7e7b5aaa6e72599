package io.tradeshell.engine.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.data.TickSeries;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.TickReplayFeed;
import io.tradeshell.engine.strategy.TradingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperFillsTest {
    private static final long MINUTE = 60_000;

    @TempDir
    Path tmp;

    private PaperHome home() { return new PaperHome(tmp); }

    private static Map<Integer, List<Function<TradingContext, OrderRequest>>> at(int bar, Function<TradingContext, OrderRequest> order) {
        return Map.of(bar, List.of(order));
    }

    @Test
    void aPartialFillTakesAtMostTheVolumeShareOfEachBarUntilTheOrderIsFilled() throws Exception {
        BarSeries bars = Fixtures.bars("X", MINUTE,
                new double[] {100, 101, 99, 100, 1000},
                new double[] {102, 103, 101, 102, 1000},
                new double[] {104, 105, 103, 104, 500},
                new double[] {103, 104, 102, 103, 2000},
                new double[] {103, 104, 102, 103, 2000});
        var x = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001), new Slippage(5), 0, 0.1, 0, 1);
        RunSpec spec = Fixtures.spec(Fixtures.scripted(at(0, c -> OrderRequest.market("X", Side.BUY, 250, "buy"))), List.of(bars), x, RiskLimits.none());
        Fixtures.start(home(), "partial", spec, Fixtures.config("partial", spec, Double.NaN, Double.NaN), PaperSession.Wiring.quiet());

        List<JsonNode> fills = Fixtures.journal(home().existing("partial"), "OrderFilled");
        // 10% of each bar's volume: 100 of 1000, then 50 of 500, then the last 100 of 2000
        double p1 = 102 * (1 + 0.0005), p2 = 104 * (1 + 0.0005), p3 = 103 * (1 + 0.0005);
        assertThat(fills).hasSize(3);
        assertFill(fills.get(0), 100, p1, "PARTIALLY_FILLED", 100, p1);
        assertFill(fills.get(1), 50, p2, "PARTIALLY_FILLED", 150, (100 * p1 + 50 * p2) / 150);
        assertFill(fills.get(2), 100, p3, "FILLED", 250, (100 * p1 + 50 * p2 + 100 * p3) / 250);
        assertThat(fills.get(0).path("fill").path("commission").asDouble()).isCloseTo(100 * p1 * 0.001, within(1e-9));

        AccountStatus s = new PaperAccounts(home(), io.tradeshell.engine.run.WallClock.SYSTEM).status("partial");
        double spent = 100 * p1 + 50 * p2 + 100 * p3;
        assertThat(s.cash()).isCloseTo(100_000 - spent * 1.001, within(1e-6));
        assertThat(s.positions()).singleElement().satisfies(p -> {
            assertThat(p.qty()).isEqualTo(250);
            assertThat(p.avgPrice()).isCloseTo(spent / 250, within(1e-9));
        });
        assertThat(s.fills()).isEqualTo(3);
    }

    private static void assertFill(JsonNode line, double qty, double price, String status, double filled, double avg) {
        assertThat(line.path("fill").path("qty").asDouble()).isEqualTo(qty);
        assertThat(line.path("fill").path("price").asDouble()).isCloseTo(price, within(1e-9));
        assertThat(line.path("order").path("status").asText()).isEqualTo(status);
        assertThat(line.path("order").path("filledQty").asDouble()).isEqualTo(filled);
        assertThat(line.path("order").path("avgFillPrice").asDouble()).isCloseTo(avg, within(1e-9));
    }

    @Test
    void latencyHoldsAnOrderBackUntilTheFirstBarOpeningAfterIt() throws Exception {
        BarSeries bars = Fixtures.bars("X", MINUTE,
                new double[] {100, 100, 100, 100, 1000},
                new double[] {101, 101, 101, 101, 1000},   // opens at 60 s: the order is sent at 60 s, active at 150 s
                new double[] {102, 102, 102, 102, 1000},   // opens at 120 s: still too early
                new double[] {103, 103, 103, 103, 1000},   // opens at 180 s: fills here
                new double[] {104, 104, 104, 104, 1000});
        var x = Fixtures.frictionless().withRealism(90_000, 0, 0, 1);
        RunSpec spec = Fixtures.spec(Fixtures.scripted(at(0, c -> OrderRequest.market("X", Side.BUY, 10, "buy"))), List.of(bars), x, RiskLimits.none());
        Fixtures.start(home(), "late", spec, Fixtures.config("late", spec, Double.NaN, Double.NaN), PaperSession.Wiring.quiet());

        List<JsonNode> fills = Fixtures.journal(home().existing("late"), "OrderFilled");
        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.path("fill").path("price").asDouble()).isEqualTo(103);
            assertThat(f.path("fill").path("time").asText()).isEqualTo("1970-01-01T00:03:00Z");
            assertThat(f.path("order").path("submittedTime").asText()).isEqualTo("1970-01-01T00:01:00Z");
        });
    }

    @Test
    void onTradesLatencyAndTheVolumeCapAreAppliedTradeByTrade() throws Exception {
        TickSeries ticks = new TickSeries("BTC", 2, 16);
        double[][] rows = {{5_000, 100, 1}, {50_000, 101, 1},          // minute 0: the order is decided at its close, 60 s
                {70_000, 102, 4}, {85_000, 103, 2}, {100_000, 104, 4}, {130_000, 105, 9}};
        for (double[] r : rows) ticks.append((long) r[0], r[1], r[2]);
        BarSeries bars = io.tradeshell.engine.data.TickAggregator.aggregate(ticks, Duration.ofMinutes(1));
        var x = Fixtures.frictionless().withRealism(25_000, 0.5, 0, 1);
        RunSpec spec = Fixtures.spec(Fixtures.scripted(at(0, c -> OrderRequest.market("BTC", Side.BUY, 3, "buy"))), List.of(bars), x, RiskLimits.none());
        AccountFiles files = home().account("ticks");
        PaperSession.start(files, Fixtures.config("ticks", spec, Double.NaN, Double.NaN), Fixtures.script(tmp), spec,
                new TickReplayFeed(List.of(ticks), Duration.ofMinutes(1)), PaperSession.Wiring.quiet()).run();

        List<JsonNode> fills = Fixtures.journal(files, "OrderFilled");
        // active from 85 s: the trade at 70 s is too early; at 85 s half of 2 = 1 fills; at 100 s the last 2 (half of 4)
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).path("fill").path("qty").asDouble()).isEqualTo(1);
        assertThat(fills.get(0).path("fill").path("price").asDouble()).isEqualTo(103);
        assertThat(fills.get(0).path("order").path("status").asText()).isEqualTo("PARTIALLY_FILLED");
        assertThat(fills.get(1).path("fill").path("qty").asDouble()).isEqualTo(2);
        assertThat(fills.get(1).path("fill").path("price").asDouble()).isEqualTo(104);
        assertThat(fills.get(1).path("order").path("status").asText()).isEqualTo("FILLED");
        AccountStatus s = new PaperAccounts(home(), io.tradeshell.engine.run.WallClock.SYSTEM).status("ticks");
        assertThat(s.cash()).isEqualTo(100_000 - 103 - 2 * 104);
        // the trades stop at 130 s, inside the minute from 120 s: that bar never ends, so it is left out, and the
        // journal's last mark is minute 1's close, 104
        assertThat(s.equity()).isEqualTo(100_000 - 103 - 2 * 104 + 3 * 104);
    }

    @Test
    void ordersGoThroughTheLifecycleOfARealBroker() throws Exception {
        long h12 = 12 * 3_600_000L;
        BarSeries bars = Fixtures.bars("X", h12,
                new double[] {100, 100, 100, 100, 1e6},   // day 1 00:00
                new double[] {100, 100, 99, 100, 1e6},    // day 1 12:00: the DAY limit at 95 is not reached
                new double[] {100, 100, 100, 100, 1e6},   // day 2 00:00: the DAY limit expires
                new double[] {100, 100, 100, 100, 1e6},
                new double[] {100, 100, 100, 100, 1e6});
        var orders = Map.<Integer, List<Function<TradingContext, OrderRequest>>>of(
                0, List.of(c -> OrderRequest.limit("X", Side.BUY, 5, 95, TimeInForce.DAY, "day")),
                2, List.of(c -> OrderRequest.market("X", Side.BUY, 1, "a"), c -> OrderRequest.market("X", Side.BUY, 1, "b"),
                        c -> OrderRequest.market("X", Side.BUY, 1, "c"), c -> OrderRequest.market("X", Side.BUY, 1, "d")));
        // seed 13 lets the first order through and rejects some of the four market orders at random
        var x = Fixtures.frictionless().withRealism(0, 0, 0.5, 13);
        RunSpec spec = Fixtures.spec(Fixtures.scripted(orders), List.of(bars), x, RiskLimits.none());
        Fixtures.start(home(), "life", spec, Fixtures.config("life", spec, Double.NaN, Double.NaN), PaperSession.Wiring.quiet());

        Map<Long, List<String>> lifecycle = new java.util.TreeMap<>();
        for (String l : Files.readAllLines(home().existing("life").dir().resolve("orders.jsonl"))) {
            JsonNode o = io.tradeshell.engine.journal.Json.MAPPER.readTree(l);
            lifecycle.computeIfAbsent(o.path("id").asLong(), k -> new ArrayList<>()).add(o.path("status").asText());
        }
        // the same draws as the broker's: a generator seeded 13, one draw per order
        var random = new java.util.SplittableRandom(13);
        assertThat(random.nextDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(lifecycle.get(1L)).containsExactly("NEW", "ACCEPTED", "EXPIRED");
        for (long id = 2; id <= 5; id++) {
            boolean rejected = random.nextDouble() < 0.5;
            assertThat(lifecycle.get(id)).as("order " + id).containsExactly(rejected
                    ? new String[] {"NEW", "REJECTED"} : new String[] {"NEW", "ACCEPTED", "FILLED"});
        }
        assertThat(Files.readString(home().existing("life").dir().resolve("orders.jsonl")))
                .contains("\"reason\":\"rejected by the simulated broker (random rejection, p=0.5)\"");
    }

    @Test
    void theRunsStopLossAndTakeProfitProtectEveryPositionOneCancellingTheOther() throws Exception {
        BarSeries bars = Fixtures.bars("X", MINUTE,
                new double[] {100, 100, 100, 100, 1e6},
                new double[] {100, 101, 99, 100, 1e6},     // entry fills at 100: stop at 95, target at 110
                new double[] {99, 100, 96, 97, 1e6},
                new double[] {97, 97, 94, 95.5, 1e6},      // the stop at 95 is touched
                new double[] {95, 96, 94, 95, 1e6});
        RunSpec spec = Fixtures.spec(Fixtures.scripted(at(0, c -> OrderRequest.market("X", Side.BUY, 10, "buy"))), List.of(bars),
                Fixtures.frictionless(), RiskLimits.none());
        Fixtures.start(home(), "exits", spec, Fixtures.config("exits", spec, 5, 10), PaperSession.Wiring.quiet());

        List<String> orders = Files.readAllLines(home().existing("exits").dir().resolve("orders.jsonl"));
        assertThat(orders).anySatisfy(l -> assertThat(l).contains("\"type\":\"STOP\"", "\"stopPrice\":95.0", "\"tag\":\"stopLoss\""));
        assertThat(orders).anySatisfy(l -> assertThat(l).contains("\"type\":\"LIMIT\"", "\"limitPrice\":110.0", "\"tag\":\"takeProfit\""));
        assertThat(orders).anySatisfy(l -> assertThat(l).contains("\"tag\":\"takeProfit\"", "\"status\":\"CANCELLED\"", "one-cancels-other"));
        List<JsonNode> fills = Fixtures.journal(home().existing("exits"), "OrderFilled");
        assertThat(fills).hasSize(2);
        assertThat(fills.get(1).path("fill").path("price").asDouble()).isEqualTo(95);
        assertThat(Fixtures.journal(home().existing("exits"), "TradeClosed")).singleElement()
                .satisfies(t -> assertThat(t.path("trade").path("pnl").asDouble()).isEqualTo(10 * (95 - 100)));
    }
}
