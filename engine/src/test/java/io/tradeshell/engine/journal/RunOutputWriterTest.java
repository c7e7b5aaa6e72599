package io.tradeshell.engine.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.strategy.TradingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The run files of a hand-worked backtest, read back with Jackson. */
class RunOutputWriterTest {
    private static final long START = 1_704_067_200_000L;
    private static final long DAY = 86_400_000L;
    private static final double EPS = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Eight daily bars; buys 10 at bar 2's close, sells at bar 5's close unless {@code hold}. */
    private RunResult run(boolean hold) {
        return run(hold, OutputFiles.DISK);
    }

    private RunResult run(boolean hold, OutputFiles files) {
        double[][] rows = {
                {100, 101, 99, 100}, {100, 102, 99, 101}, {101, 103, 100, 102}, {103, 105, 102, 104},
                {104, 107, 103, 106}, {106, 108, 105, 107}, {108, 109, 106, 107.5}, {107, 108, 105, 106}};
        BarSeries bars = new BarSeries("AAPL", Duration.ofDays(1), 2, 8);
        for (int i = 0; i < rows.length; i++) bars.append(START + i * DAY, rows[i][0], rows[i][1], rows[i][2], rows[i][3], 1000);
        StrategyFactory f = new StrategyFactory() {
            public String name() { return "two trades"; }
            public Map<String, Object> params() { return Map.of("qty", 10); }
            public Strategy create(TradingContext ctx) {
                return new Strategy() {
                    public void onBar(int i) {
                        if (i == 2) ctx.submit(OrderRequest.market("AAPL", Side.BUY, 10, "buyWhen"));
                        if (i == 5 && !hold) ctx.submit(OrderRequest.market("AAPL", Side.SELL, 10, "sellWhen"));
                    }
                    public int warmupBars() { return 0; }
                };
            }
        };
        ExecutionSettings x = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001),
                new Slippage(10), 0, 0, 0, 1);
        RunSpec spec = new RunSpec("strategies/two.groovy", f, List.of(new DataInput(bars, "data/aapl.csv", "abc123")),
                x, 10_000, RiskLimits.none(), 1);
        return Backtest.run(spec, new RunOutputWriter(dir, false, files));
    }

    private List<JsonNode> lines(String file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(file))) {
            JsonNode n = JSON.readTree(line);
            assertThat(n.isObject()).as("each line of %s is one object: %s", file, line).isTrue();
            out.add(n);
        }
        String text = Files.readString(dir.resolve(file));
        assertThat(text).as("%s ends each record with a newline", file).endsWith(out.isEmpty() ? "" : "\n");
        return out;
    }

    private static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }

    @Test
    void equityHasOneLinePerBarWithTheContractsFields() throws IOException {
        RunResult r = run(false);
        List<JsonNode> equity = lines("equity.jsonl");
        assertThat(equity).hasSize(8);
        assertThat(fields(equity.get(0))).containsExactly("time", "equity", "cash", "exposure", "benchmark");
        assertThat(equity.get(0).get("time").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(equity.get(7).get("time").asText()).isEqualTo("2024-01-08T00:00:00Z");
        // bar 3: cash 10000 - 1031.03 - 1.03103 = 8967.93897, plus 10 x 104; written exactly, not rounded
        assertThat(equity.get(3).get("equity").asDouble()).isCloseTo(10007.93897, within(EPS));
        assertThat(equity.get(3).get("cash").asDouble()).isCloseTo(8967.93897, within(EPS));
        for (int t = 0; t < 8; t++) assertThat(equity.get(t).get("equity").asDouble()).isEqualTo(r.curve().equity()[t]);
        assertThat(equity.get(3).get("benchmark").asDouble()).isCloseTo(10_400, within(EPS));
    }

    @Test
    void tradesFillsAndOrdersFollowTheContract() throws IOException {
        run(false);
        JsonNode trade = lines("trades.jsonl").get(0);
        assertThat(lines("trades.jsonl")).hasSize(1);
        assertThat(fields(trade)).containsExactly("symbol", "side", "qty", "entryTime", "entryPrice", "exitTime", "exitPrice",
                "pnl", "commission", "barsHeld", "returnPct", "exitReason");
        assertThat(trade.get("side").asText()).isEqualTo("LONG");
        assertThat(trade.get("qty").asDouble()).isEqualTo(10.0);
        assertThat(trade.get("entryTime").asText()).isEqualTo("2024-01-04T00:00:00Z");
        // (107.892 - 103.103) x 10 - 1.03103 - 1.07892 = 45.78005; over 1031.03 tied up
        assertThat(trade.get("pnl").asDouble()).isCloseTo(45.78005, within(EPS));
        assertThat(trade.get("returnPct").asDouble()).isCloseTo(45.78005 / 1031.03, within(EPS));
        assertThat(trade.get("barsHeld").asInt()).isEqualTo(3);
        assertThat(trade.get("exitReason").asText()).isEqualTo("signal");

        List<JsonNode> fills = lines("fills.jsonl");
        assertThat(fills).hasSize(2);
        assertThat(fields(fills.get(0))).startsWith("orderId", "symbol", "side", "qty", "price", "commission", "time");
        assertThat(fills.get(1).get("side").asText()).isEqualTo("SELL");
        assertThat(fills.get(1).get("price").asDouble()).isCloseTo(107.892, within(EPS));
        assertThat(Instant.parse(fills.get(1).get("time").asText())).isEqualTo(Instant.ofEpochMilli(START + 6 * DAY));

        List<JsonNode> orders = lines("orders.jsonl");
        // submitted and accepted at bar 2's close, filled at bar 3's open; the same for the exit three bars later
        assertThat(orders).extracting(o -> o.get("id").asLong() + ":" + o.get("status").asText() + "@" + o.get("time").asText())
                .containsExactly("1:NEW@2024-01-04T00:00:00Z", "1:ACCEPTED@2024-01-04T00:00:00Z", "1:FILLED@2024-01-04T00:00:00Z",
                        "2:NEW@2024-01-07T00:00:00Z", "2:ACCEPTED@2024-01-07T00:00:00Z", "2:FILLED@2024-01-07T00:00:00Z");
        JsonNode filled = orders.get(2);
        assertThat(filled.get("type").asText()).isEqualTo("MARKET");
        assertThat(filled.get("tif").asText()).isEqualTo("GTC");
        assertThat(filled.get("filledQty").asDouble()).isEqualTo(10.0);
        assertThat(filled.get("avgFillPrice").asDouble()).isCloseTo(103.103, within(EPS));
    }

    @Test
    void nanIsWrittenAsNullNeverAsText() throws IOException {
        run(false);
        JsonNode first = lines("orders.jsonl").get(0);
        assertThat(fields(first)).contains("id", "symbol", "side", "type", "qty", "limitPrice", "stopPrice", "tif", "status",
                "time", "filledQty", "avgFillPrice", "reason");
        // a market order has no limit or stop price, and a new order no average fill price
        assertThat(first.get("limitPrice").isNull()).isTrue();
        assertThat(first.get("stopPrice").isNull()).isTrue();
        assertThat(first.get("avgFillPrice").isNull()).isTrue();
        assertThat(first.get("reason").isNull()).isTrue();
        for (String file : List.of("orders.jsonl", "fills.jsonl", "trades.jsonl", "equity.jsonl", "events.jsonl", "summary.json")) {
            assertThat(Files.readString(dir.resolve(file))).as(file).doesNotContain("NaN").doesNotContain("Infinity");
        }
        // one winning trade and no loser: no profit factor, written as null
        JsonNode metrics = JSON.readTree(dir.resolve("summary.json").toFile()).get("metrics");
        assertThat(metrics.get("profitFactor").isNull()).isTrue();
        // ...and flagged as infinite, so a reader can tell it from a run without trades
        assertThat(JSON.readTree(dir.resolve("summary.json").toFile()).get("profitFactorInfinite").asBoolean()).isTrue();
    }

    @Test
    void summaryHoldsSettingsAssumptionsAndEveryMetric() throws IOException {
        run(false);
        JsonNode s = JSON.readTree(dir.resolve("summary.json").toFile());
        assertThat(fields(s)).contains("name", "script", "mode", "params", "data", "settings", "warmupBars", "assumptions",
                "metrics", "openPositions", "startedAt", "finishedAt", "bars");
        assertThat(s.get("name").asText()).isEqualTo("two trades");
        assertThat(s.get("mode").asText()).isEqualTo("backtest");
        assertThat(s.get("params").get("qty").asInt()).isEqualTo(10);
        JsonNode data = s.get("data").get(0);
        assertThat(data.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(data.get("sha256").asText()).isEqualTo("abc123");
        assertThat(data.get("bars").asInt()).isEqualTo(8);
        assertThat(data.get("period").asText()).isEqualTo("1d");
        assertThat(data.get("from").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(data.get("to").asText()).isEqualTo("2024-01-08T00:00:00Z");
        JsonNode settings = s.get("settings");
        assertThat(settings.get("fill").asText()).isEqualTo("next-open");
        assertThat(settings.get("commission").get("model").asText()).isEqualTo("percent");
        assertThat(settings.get("commission").get("rate").asDouble()).isEqualTo(0.001);
        assertThat(settings.get("slippageBps").asDouble()).isEqualTo(10.0);
        assertThat(settings.get("cash").asDouble()).isEqualTo(10_000.0);
        assertThat(s.get("assumptions").isArray()).isTrue();
        assertThat(s.get("assumptions").get(0).asText()).contains("next bar's open");
        assertThat(fields(s.get("metrics"))).containsExactlyInAnyOrder("finalEquity", "totalReturn", "cagr", "volatility",
                "sharpe", "sortino", "maxDrawdown", "maxDrawdownDuration", "calmar", "trades", "winRate", "profitFactor",
                "avgWin", "avgLoss", "expectancy", "exposure", "commissions", "buyAndHoldReturn");
        assertThat(s.get("metrics").get("finalEquity").asDouble()).isCloseTo(10_045.78005, within(EPS));
        assertThat(s.get("metrics").get("trades").asInt()).isEqualTo(1);
        assertThat(s.get("openPositions").isEmpty()).isTrue();
        assertThat(s.get("bars").asLong()).isEqualTo(8);
        Instant.parse(s.get("startedAt").asText());
        Instant.parse(s.get("finishedAt").asText());
    }

    @Test
    void aPositionStillOpenAtTheEndIsReportedOpenNotAsATrade() throws IOException {
        run(true);
        assertThat(lines("trades.jsonl")).isEmpty();
        JsonNode open = JSON.readTree(dir.resolve("summary.json").toFile()).get("openPositions");
        assertThat(open).hasSize(1);
        JsonNode p = open.get(0);
        assertThat(p.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(p.get("side").asText()).isEqualTo("LONG");
        assertThat(p.get("qty").asDouble()).isEqualTo(10.0);
        assertThat(p.get("entryTime").asText()).isEqualTo("2024-01-04T00:00:00Z");
        assertThat(p.get("entryPrice").asDouble()).isCloseTo(103.103, within(EPS));
        assertThat(p.get("lastPrice").asDouble()).isEqualTo(106.0);
        // (106 - 103.103) x 10 = 28.97
        assertThat(p.get("unrealizedPnl").asDouble()).isCloseTo(28.97, within(EPS));
        assertThat(p.get("exitReason").asText()).isEqualTo("endOfData");
    }

    /** A disk that fills up while {@code full} is written: every write to it fails as a full disk does. */
    private static OutputFiles fullWhile(String full) {
        return file -> {
            OutputStream real = Files.newOutputStream(file);
            if (!file.getFileName().toString().equals(full)) return real;
            return new java.io.FilterOutputStream(real) {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException("No space left on device");
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    throw new IOException("No space left on device");
                }
            };
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"fills.jsonl", "equity.jsonl", "tca.jsonl", "summary.json"})
    void aFullDiskNamesTheFileItCouldNotWriteAndLeavesNoFilesThatLookWhole(String file) throws IOException {
        assertThatThrownBy(() -> run(false, fullWhile("." + file + ".part")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot write " + dir.resolve(file) + ": No space left on device; no output files were kept");
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aBacktestsFilesAppearOnlyWhenAllAreWhole() throws IOException {
        run(false);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "orders.jsonl", "fills.jsonl", "trades.jsonl", "equity.jsonl", "events.jsonl", "tca.jsonl", "summary.json");
        }
    }
}
