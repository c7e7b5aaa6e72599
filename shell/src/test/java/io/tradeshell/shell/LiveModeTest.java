package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.path;
import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.shell.app.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiveModeTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"sma_crossover", "rsi_mean_reversion", "bollinger_breakout", "macd_trend", "channel_long_short", "donchian_atr_risk"})
    void aLiveRunAtMaxSpeedWritesTheBacktestsTradesAndEquityLineForLine(String name, @TempDir Path dir) throws Exception {
        var backtest = run("run", path("strategies/" + name + ".groovy"), "--out", dir.resolve("bt").toString(), "--no-charts");
        var live = run("run", path("strategies/" + name + ".groovy"), "--mode", "live", "--speed", "max", "--out", dir.resolve("live").toString(), "--no-charts");
        assertThat(backtest.exitCode()).as(backtest.err()).isEqualTo(0);
        assertThat(live.exitCode()).as(live.err()).isEqualTo(0);
        for (String f : List.of("trades.jsonl", "fills.jsonl", "orders.jsonl", "equity.jsonl", "events.jsonl")) {
            assertThat(Files.readAllLines(dir.resolve("live").resolve(f))).as(f).isEqualTo(Files.readAllLines(dir.resolve("bt").resolve(f)));
        }
        JsonNode bt = JSON.readTree(dir.resolve("bt/summary.json").toFile()), lv = JSON.readTree(dir.resolve("live/summary.json").toFile());
        assertThat(lv.get("mode").asText()).isEqualTo("live");
        assertThat(lv.get("metrics")).isEqualTo(bt.get("metrics"));
        assertThat(live.out()).contains("[live]");
    }

    @Test
    void aLiveRunOnTradesFillsOnTradesAndPrintsEachFillAndTrade(@TempDir Path dir) throws Exception {
        var r = run("run", path("strategies/sma_crossover.groovy"), "--mode", "live", "--speed", "max",
                "--data", path("data/btcusd_bitstamp_trades_2013-11-25.csv"), "--bar", "5m", "--lot", "0", "--param", "qty=1",
                "--out", dir.toString(), "--no-charts");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        List<String> fills = Files.readAllLines(dir.resolve("fills.jsonl"));
        assertThat(fills).isNotEmpty();
        // on trades an order fills at a trade's own time, not at a bar's open on the minute
        assertThat(fills.stream().map(l -> l.replaceAll(".*\"time\":\"([^\"]+)\".*", "$1")))
                .anySatisfy(t -> assertThat(t).doesNotEndWith(":00Z"));
        assertThat(r.out()).containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d(:\\d\\d)?  FILL  #1 BUY 1 BTCUSD @ ")
                .containsPattern("TRADE  LONG 1 BTCUSD  [\\d.]+ -> [\\d.]+  P&L ");
        assertThat(Files.readAllLines(dir.resolve("equity.jsonl"))).hasSize(JSON.readTree(dir.resolve("summary.json").toFile()).get("bars").asInt());
    }

    @Test
    void riskDecisionsOfALiveRunAreShownAsTheyHappen(@TempDir Path dir) {
        var r = run("run", path("strategies/sma_crossover.groovy"), "--mode", "live", "--speed", "max", "--max-order-notional", "4000",
                "--param", "qty=10", "--out", dir.toString(), "--no-charts", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        // the first entry is decided at the close of 2013-03-25 (463.58): 10 AAPL is 4635.80
        assertThat(r.out()).contains("2013-03-26  RISK DENIED  BUY 10 AAPL MARKET (buyWhen): order notional 4635.80 exceeds the limit 4000.00");
        assertThat(r.out()).doesNotContain("FILL  #");
    }

    @Test
    void theStopLossOptionProtectsEveryPosition(@TempDir Path dir) throws Exception {
        var r = run("run", path("strategies/sma_crossover.groovy"), "--stop-loss", "2", "--take-profit", "5", "--out", dir.toString(), "--no-charts");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        List<JsonNode> orders = Files.readAllLines(dir.resolve("orders.jsonl")).stream().map(LiveModeTest::json).toList();
        JsonNode entry = orders.stream().filter(o -> o.get("tag").asText().equals("buyWhen") && o.get("status").asText().equals("FILLED"))
                .findFirst().orElseThrow();
        double price = entry.get("avgFillPrice").asDouble();
        assertThat(orders).anySatisfy(o -> {
            assertThat(o.get("tag").asText()).isEqualTo("stopLoss");
            assertThat(o.get("stopPrice").asDouble()).isCloseTo(price * 0.98, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(orders).anySatisfy(o -> {
            assertThat(o.get("tag").asText()).isEqualTo("takeProfit");
            assertThat(o.get("limitPrice").asDouble()).isCloseTo(price * 1.05, org.assertj.core.data.Offset.offset(1e-9));
        });
        JsonNode settings = JSON.readTree(dir.resolve("summary.json").toFile()).get("settings");
        assertThat(settings.get("exits").get("stopLoss").get("percent").asDouble()).isEqualTo(2.0);
        assertThat(settings.get("exits").get("takeProfit").get("percent").asDouble()).isEqualTo(5.0);
        assertThat(JSON.readTree(dir.resolve("summary.json").toFile()).get("assumptions").toString())
                .contains("Every position gets a stop-loss 2% from its entry price unless the script sets its own.");
        var bad = run("run", path("strategies/sma_crossover.groovy"), "--stop-loss", "150", "--no-charts", "--out", dir.resolve("x").toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.err()).contains("--stop-loss is a percentage between 0 and 100");
    }

    @Test
    void aSpeedWithoutTheLiveModeIsRefused() {
        var r = run("run", path("strategies/sma_crossover.groovy"), "--speed", "10x", "--no-charts");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--speed applies to --mode live");
        var bad = run("run", path("strategies/sma_crossover.groovy"), "--mode", "live", "--speed", "fast", "--no-charts");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.err()).contains("speed 'fast' is not understood");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
