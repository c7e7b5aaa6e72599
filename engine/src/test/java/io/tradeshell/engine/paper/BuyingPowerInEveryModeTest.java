package io.tradeshell.engine.paper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.LiveRun;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.strategy.TradingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account cannot do the impossible, and the rule is the same in a backtest, a live run and a
 * paper session: the broker cuts or rejects at the fill what the account cannot pay for, and an
 * account whose equity reaches zero is halted and flattened. Figures worked out by hand.
 */
class BuyingPowerInEveryModeTest {
    private static final long HOUR = 3_600_000;

    @TempDir
    Path tmp;

    private static Function<TradingContext, OrderRequest> order(Side side, double qty) {
        return ctx -> OrderRequest.market(ctx.symbol(), side, qty, side == Side.BUY ? "buy" : "sellShort");
    }

    /** Backtest, live and paper results of one spec; the paper account's journal is kept in {@code journal}. */
    private List<RunResult> everyMode(String name, RunSpec spec) throws Exception {
        RunResult backtest = Backtest.run(spec);
        RunResult live = LiveRun.of(spec, Fixtures.feed(spec)).run();
        PaperHome home = new PaperHome(tmp);
        RunResult paper = Fixtures.start(home, name, spec, Fixtures.config(name, spec, Double.NaN, Double.NaN), PaperSession.Wiring.quiet())
                .result();
        return List.of(backtest, live, paper);
    }

    @Test
    void aMillionSharesOnAHundredThousandBecomeWhatTheCashPaysForInEveryMode() throws Exception {
        double[][] rows = {Fixtures.flat(400), Fixtures.flat(400), {420, 425, 415, 421, 1e9}, Fixtures.flat(421)};
        BarSeries x = Fixtures.bars("X", HOUR, rows);
        RunSpec spec = Fixtures.spec(Fixtures.scripted(Map.of(1, List.of(order(Side.BUY, 1_000_000)))), List.of(x), Fixtures.costs(),
                RiskLimits.none());
        // bar 2 opens at 420: fill at 420 x 1.0005 = 420.21, one share costs 420.21 x 1.001 = 420.63021 with commission;
        // 100000 / 420.63021 = 237.74, so 237 shares (99689.36 all in); 238 would cost 100109.99
        for (RunResult r : everyMode("cash", spec)) {
            assertThat(r.fills()).extracting(Fill::qty).containsExactly(237.0);
            assertThat(r.fills().get(0).price()).isEqualTo(420.21);
            assertThat(r.accountChecks().ordersReducedForCash()).isEqualTo(1);
            assertThat(r.accountChecks().ordersRejectedForCash()).isZero();
            double cash = 100_000 - 237 * 420.21 - 237 * 420.21 * 0.001;
            assertThat(r.metrics().finalEquity()).isCloseTo(cash + 237 * 421, org.assertj.core.api.Assertions.within(1e-6));
        }
        List<JsonNode> reduced = Fixtures.journal(new PaperHome(tmp).existing("cash"), "OrderReduced");
        assertThat(reduced).singleElement().satisfies(n -> {
            assertThat(n.path("order").path("qty").asDouble()).isEqualTo(237.0);
            assertThat(n.path("order").path("reason").asText()).startsWith("reduced from 1000000 to 237: BUY of 1000000 at 420.21");
        });
        Path orders = new PaperHome(tmp).existing("cash").dir().resolve("orders.jsonl");
        assertThat(Files.readAllLines(orders)).anySatisfy(l -> assertThat(l).contains("\"reason\":\"reduced from 1000000 to 237"));
    }

    @Test
    void aShortThatEatsTheEquityHaltsTradingAndIsFlattenedInEveryMode() throws Exception {
        // short 100 at 100 with 10000 of equity (the most leverage 1 allows); the price doubles and more
        double[][] rows = {Fixtures.flat(100), Fixtures.flat(100), Fixtures.flat(150), {190, 205, 190, 205, 1e9},
                Fixtures.flat(210), Fixtures.flat(210), Fixtures.flat(210)};
        BarSeries x = Fixtures.bars("X", HOUR, rows);
        RunSpec spec = new RunSpec("test", Fixtures.scripted(Map.of(0, List.of(order(Side.SELL, 100)), 4, List.of(order(Side.SELL, 10)))),
                Fixtures.spec(Fixtures.scripted(Map.of()), List.of(x), Fixtures.frictionless(), RiskLimits.none()).data(),
                Fixtures.frictionless(), 10_000, RiskLimits.none(), 1);
        for (RunResult r : everyMode("short", spec)) {
            // bar 3 closes at 205: equity 10000 + 10000 - 100 x 205 = -500, so trading halts and the short is
            // bought back at bar 4's open (210); the new short decided at bar 4 is denied
            assertThat(r.fills()).extracting(Fill::side, Fill::qty, Fill::price).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Side.SELL, 100.0, 100.0), org.assertj.core.groups.Tuple.tuple(Side.BUY, 100.0, 210.0));
            assertThat(r.fills().get(1).tag()).isEqualTo("riskHalt");
            assertThat(r.metrics().finalEquity()).isEqualTo(10_000 + 100 * 100 - 100 * 210.0);
            assertThat(r.openPositions()).isEmpty();
        }
        List<JsonNode> states = Fixtures.journal(new PaperHome(tmp).existing("short"), "TradingStateChanged");
        assertThat(states).singleElement().satisfies(s -> {
            assertThat(s.path("state").asText()).isEqualTo("HALTED");
            assertThat(s.path("reason").asText()).isEqualTo("equity -500.00 is zero or below: the account cannot trade");
        });
    }
}
