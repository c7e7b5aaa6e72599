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

class RunCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> METRIC_KEYS = List.of("finalEquity", "totalReturn", "cagr", "volatility", "sharpe", "sortino",
            "maxDrawdown", "maxDrawdownDuration", "calmar", "trades", "winRate", "profitFactor", "avgWin", "avgLoss",
            "expectancy", "exposure", "commissions", "buyAndHoldReturn");

    @Test
    void runWritesEveryOutputFileConsistentWithTheSummary(@TempDir Path dir) throws Exception {
        var r = run("run", path("strategies/sma_crossover.groovy"), "--data", path("data/aapl_daily_2013.csv"),
                "--param", "fast=5", "--param", "slow=20", "--out", dir.toString(), "--no-charts");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("SMA crossover").contains("Final equity").contains("Sharpe");
        JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("params").get("fast").asInt()).isEqualTo(5);
        assertThat(summary.get("params").get("slow").asInt()).isEqualTo(20);
        assertThat(summary.get("settings").get("fill").asText()).isEqualTo("next-open");
        assertThat(summary.get("data").get(0).get("sha256").asText()).hasSize(64);
        assertThat(summary.get("assumptions").size()).isGreaterThanOrEqualTo(4);
        List<String> keys = new java.util.ArrayList<>();
        summary.get("metrics").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(METRIC_KEYS);
        List<String> trades = Files.readAllLines(dir.resolve("trades.jsonl"));
        assertThat(trades).hasSize(summary.get("metrics").get("trades").asInt());
        List<String> equity = Files.readAllLines(dir.resolve("equity.jsonl"));
        assertThat(equity).hasSize(252);
        JsonNode last = JSON.readTree(equity.get(251));
        assertThat(last.get("equity").asDouble()).isCloseTo(summary.get("metrics").get("finalEquity").asDouble(), org.assertj.core.data.Offset.offset(0.006));
        // every fill belongs to an order in orders.jsonl and every trade has two fills
        assertThat(Files.readAllLines(dir.resolve("fills.jsonl")).size()).isGreaterThanOrEqualTo(2 * trades.size());
        assertThat(Files.readAllLines(dir.resolve("orders.jsonl"))).isNotEmpty();
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedWithExitCode3AndNoFilesAreLeftThatLookWhole(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".summary.json.part"));   // where summary.json is written: the write fails as on a full disk
        var r = run("run", path("strategies/sma_crossover.groovy"), "--data", path("data/aapl_daily_2013.csv"), "--out", dir.toString(), "--no-charts");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.INTERNAL);
        assertThat(r.err().strip()).startsWith("error: I/O error: cannot write " + dir.resolve("summary.json") + ": ")
                .endsWith("; no output files were kept").doesNotContain("\n");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sma_crossover", "rsi_mean_reversion", "bollinger_breakout", "macd_trend", "channel_long_short", "donchian_atr_risk"})
    void everyShippedStrategyRunsOnTheBundledDataAndTrades(String name, @TempDir Path dir) throws Exception {
        var r = run("run", path("strategies/" + name + ".groovy"), "--out", dir.toString(), "--no-charts");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
        int trades = summary.get("metrics").get("trades").asInt();
        int open = summary.get("openPositions").size();
        assertThat(trades + open).as("trades or open positions of " + name).isGreaterThan(0);
    }

    @Test
    void aStrategyRunsOnAggregatedTicksAndOnJsonBars(@TempDir Path dir) throws Exception {
        var ticks = run("run", path("strategies/sma_crossover.groovy"), "--data", "BTC=" + path("data/btcusd_bitstamp_trades_2013-11-25.csv"),
                "--bar", "15m", "--lot", "0", "--out", dir.resolve("btc").toString(), "--no-charts");
        assertThat(ticks.exitCode()).as(ticks.err()).isEqualTo(0);
        assertThat(JSON.readTree(dir.resolve("btc/summary.json").toFile()).get("data").get(0).get("symbol").asText()).isEqualTo("BTC");
        var eth = run("run", path("strategies/macd_trend.groovy"), "--data", path("data/ethusd_5m_2023-03-13.json"),
                "--out", dir.resolve("eth").toString(), "--no-charts");
        assertThat(eth.exitCode()).as(eth.err()).isEqualTo(0);
        assertThat(Files.readAllLines(dir.resolve("eth/equity.jsonl"))).hasSize(580);
    }

    @Test
    void twoSymbolsShareOneAccount(@TempDir Path dir) throws Exception {
        var r = run("run", path("strategies/sma_crossover.groovy"), "--data", "AAPL=" + path("data/aapl_daily_2013.csv"),
                "--data", "ETH=" + path("data/ethusd_5m_2023-03-13.json"), "--out", dir.toString(), "--no-charts");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("data").size()).isEqualTo(2);
        // one equity point per distinct bar time of the two series (they never coincide: daily 2013 vs 5-minute 2023)
        assertThat(Files.readAllLines(dir.resolve("equity.jsonl"))).hasSize(252 + 580);
    }

    @Test
    void aRunGetsItsChartsAndAnHtmlReport(@TempDir Path dir) throws Exception {
        var r = run("run", path("strategies/bollinger_breakout.groovy"), "--out", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        for (String chart : List.of("price.png", "equity.png", "drawdown.png")) {
            var image = javax.imageio.ImageIO.read(dir.resolve(chart).toFile());
            assertThat(image.getWidth()).as(chart).isEqualTo(1200);
            assertThat(image.getHeight()).as(chart).isEqualTo(600);
        }
        var report = run("report", dir.toString(), "--out", dir.resolve("html").toString());
        assertThat(report.exitCode()).as(report.err()).isEqualTo(0);
        String html = Files.readString(dir.resolve("html/report.html"));
        assertThat(html).contains("Bollinger breakout with ATR stop").contains("Price and trades").contains("data:image/png;base64,")
                .doesNotContain("No price chart");
        var notARun = run("report", dir.resolve("html").toString());
        assertThat(notARun.exitCode()).isEqualTo(2);
        assertThat(notARun.err()).contains("not a run directory");
    }

    @Test
    void closeFillsAreMarkedOptimisticInTheSummary(@TempDir Path dir) throws Exception {
        var r = run("run", path("strategies/sma_crossover.groovy"), "--fill", "close", "--out", dir.toString(), "--no-charts");
        assertThat(r.exitCode()).isEqualTo(0);
        JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("optimistic").asBoolean()).isTrue();
        assertThat(summary.get("assumptions").get(0).asText()).startsWith("OPTIMISTIC");
        assertThat(r.out()).contains("OPTIMISTIC");
    }
}
