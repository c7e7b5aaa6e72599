package io.tradeshell.engine.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.execution.ExecutionAlgo;
import io.tradeshell.engine.order.ParentOrderRequest;
import io.tradeshell.engine.order.ParentOrderSnapshot;
import io.tradeshell.engine.journal.Json;
import io.tradeshell.engine.journal.RunOutputWriter;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.tca.OrderCost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost of each order, worked out by hand: a plain market buy, and a sell parent cancelled half done. */
class TransactionCostsTest {
    private static final long MIN = 60_000;

    @TempDir
    Path tmp;

    @Test
    void aPlainBuyAndACancelledSellParentCostWhatTheArithmeticSays() throws Exception {
        double[][] rows = new double[8][];
        for (int i = 0; i < 8; i++) rows[i] = new double[] {100 + i, 101 + i, 99 + i, 100.5 + i, 1000.0 * (i + 1)};
        BarSeries x = Fixtures.bars("X", 5 * MIN, rows);
        var strategy = Fixtures.factory("costs", ctx -> new Strategy() {
            ParentOrderSnapshot exit;

            public void onBar(int i) {
                if (i == 0) ctx.submit(OrderRequest.market("X", Side.BUY, 100, "buy"));
                if (i == 3) exit = ctx.submitParent(new ParentOrderRequest("X", Side.SELL, 100, new ExecutionAlgo.Twap(20 * MIN, 2), "sell"));
                if (i == 4) ctx.cancelParent(exit.id());
            }

            public int warmupBars() { return 0; }
        });
        // 0.1% commission and 5 bps slippage
        RunSpec spec = Fixtures.spec(strategy, List.of(x), Fixtures.costs(), RiskLimits.none());
        RunResult r = Backtest.run(spec, new RunOutputWriter(tmp, false));

        assertThat(r.costs()).hasSize(2);
        OrderCost buy = r.costs().get(0);
        // decided at bar 0's close 100.5; bar 1 opens at 101 and the buy fills at 101 x 1.0005 = 101.0505
        double fill = 101 * 1.0005, fee = 100 * fill * 0.001;
        assertThat(buy.parentId()).isEqualTo(-1);
        assertThat(buy.algo()).isEqualTo("market");
        assertThat(buy.arrivalPrice()).isEqualTo(100.5);
        assertThat(buy.startPrice()).isEqualTo(101);
        assertThat(buy.intervalVwap()).isCloseTo((102 + 100 + 101.5) / 3, within(1e-9)); // bar 1's typical price
        assertThat(buy.delayCost()).isCloseTo(50, within(1e-9));
        assertThat(buy.tradingCost()).isCloseTo(100 * (fill - 101), within(1e-9));
        assertThat(buy.fees()).isCloseTo(fee, within(1e-9));
        assertThat(buy.opportunityCost()).isZero();
        assertThat(buy.startSlippageBps()).isCloseTo(5, within(1e-9));
        assertThat(buy.slippageArrivalBps()).isCloseTo((fill - 100.5) / 100.5 * 1e4, within(1e-9));
        assertThat(buy.shortfall()).isCloseTo(50 + 100 * (fill - 101) + fee, within(1e-9));

        OrderCost sell = r.costs().get(1);
        // decided at bar 3's close 103.5: 50 due at once, filled at bar 4's open 104 x 0.9995; cancelled at bar 4's close
        // (104.5) before the second half; a sell gains when the price rises, so the rest's missed rise is a negative cost
        double sold = 104 * 0.9995, sellFee = 50 * sold * 0.001;
        assertThat(sell.status()).isEqualTo("CANCELLED");
        assertThat(sell.algo()).isEqualTo("twap 20m x2");
        assertThat(sell.filledQty()).isEqualTo(50);
        assertThat(sell.delayCost()).isCloseTo(-(104 - 103.5) * 50, within(1e-9));
        assertThat(sell.tradingCost()).isCloseTo(-(sold - 104) * 50, within(1e-9));
        assertThat(sell.opportunityCost()).isCloseTo(-(104.5 - 103.5) * 50, within(1e-9));
        assertThat(sell.fees()).isCloseTo(sellFee, within(1e-9));
        double shortfall = -25 + -(sold - 104) * 50 - 50 + sellFee;
        assertThat(sell.shortfall()).isCloseTo(shortfall, within(1e-9));
        assertThat(sell.shortfallBps()).isCloseTo(shortfall / (100 * 103.5) * 1e4, within(1e-9));
        assertThat(sell.slippageArrivalBps()).isCloseTo(-(sold - 103.5) / 103.5 * 1e4, within(1e-9));

        List<String> lines = Files.readAllLines(tmp.resolve("tca.jsonl"));
        assertThat(lines).hasSize(2);
        assertThat(Json.MAPPER.readTree(lines.get(1)).path("status").asText()).isEqualTo("CANCELLED");
        JsonNode summary = Json.MAPPER.readTree(tmp.resolve("summary.json").toFile()).path("tca");
        assertThat(summary.path("orders").asInt()).isEqualTo(2);
        assertThat(summary.path("assumedSlippageBps").asDouble()).isEqualTo(5);
        assertThat(summary.path("medianStartSlippageBps").asDouble()).isCloseTo(5, within(1e-9));
        assertThat(summary.path("shortfall").asDouble()).isCloseTo(buy.shortfall() + shortfall, within(1e-9));
    }
}
