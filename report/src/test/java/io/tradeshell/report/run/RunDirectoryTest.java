package io.tradeshell.report.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.trade.PositionSide;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    private static final String SUMMARY = """
            {"name":"SMA crossover","script":"strategies/sma_crossover.groovy","mode":"backtest",
             "params":{"fast":10,"slow":30,"qty":10},
             "metrics":{"totalReturn":0.05,"sharpe":null}}
            """;
    private static final String EQUITY = """
            {"time":"2013-01-02T00:00:00Z","equity":100000.0,"cash":100000.0,"exposure":0.0,"benchmark":100000.0}
            {"time":"2013-01-03T00:00:00Z","equity":100250.5,"cash":94510.0,"exposure":0.0573,"benchmark":98740.25}

            {"time":"2013-01-04T00:00:00Z","equity":99800.0,"cash":94510.0,"exposure":0.053}
            """;
    private static final String TRADES = """
            {"symbol":"AAPL","side":"LONG","qty":10.0,"entryTime":"2013-01-03T00:00:00Z","entryPrice":547.88,"exitTime":"2013-01-16T00:00:00Z","exitPrice":494.64,"pnl":-542.81,"commission":10.42,"barsHeld":9,"returnPct":-0.0991,"exitReason":"stopLoss"}
            """;
    private static final String FILLS = """
            {"orderId":1,"symbol":"AAPL","side":"BUY","qty":10.0,"price":547.88,"commission":5.48,"time":"2013-01-03T00:00:00Z"}
            {"orderId":2,"symbol":"AAPL","side":"SELL","qty":10.0,"price":494.64,"commission":4.95,"time":"2013-01-16T00:00:00Z"}
            """;

    @Test
    void readsEveryFileOfARun(@TempDir Path dir) throws Exception {
        write(dir, SUMMARY, EQUITY, TRADES, FILLS);

        RunReport run = RunDirectory.read(dir);

        assertThat(run.summary().get("name").asText()).isEqualTo("SMA crossover");
        assertThat(run.summary().get("params").get("slow").asInt()).isEqualTo(30);
        assertThat(run.summary().get("metrics").get("sharpe").isNull()).isTrue();

        EquityColumns e = run.equity();
        assertThat(e.size()).isEqualTo(3);
        assertThat(e.time()).containsExactly(1357084800000L, 1357171200000L, 1357257600000L);
        assertThat(e.equity()).containsExactly(100000.0, 100250.5, 99800.0);
        assertThat(e.cash()).containsExactly(100000.0, 94510.0, 94510.0);
        assertThat(e.exposure()).containsExactly(0.0, 0.0573, 0.053);
        assertThat(e.benchmark()[1]).isEqualTo(98740.25);
        assertThat(e.benchmark()[2]).isNaN(); // the line had no benchmark

        assertThat(run.trades()).containsExactly(new RecordedTrade("AAPL", PositionSide.LONG, 10.0,
                Instant.parse("2013-01-03T00:00:00Z"), 547.88, Instant.parse("2013-01-16T00:00:00Z"), 494.64,
                -542.81, 10.42, 9, -0.0991, "stopLoss"));
        assertThat(run.fills()).containsExactly(
                new RecordedFill(1, "AAPL", Side.BUY, 10.0, 547.88, 5.48, Instant.parse("2013-01-03T00:00:00Z")),
                new RecordedFill(2, "AAPL", Side.SELL, 10.0, 494.64, 4.95, Instant.parse("2013-01-16T00:00:00Z")));
    }

    @Test
    void missingTradesAndFillsReadAsNone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("summary.json"), SUMMARY);
        Files.writeString(dir.resolve("equity.jsonl"), EQUITY);

        RunReport run = RunDirectory.read(dir);

        assertThat(run.trades()).isEmpty();
        assertThat(run.fills()).isEmpty();
        assertThat(run.equity().size()).isEqualTo(3);
    }

    @Test
    void equityLineWithANonNumberIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
        String bad = EQUITY.replace("\"equity\":99800.0", "\"equity\":\"lots\""); // line 4 (line 3 is blank)
        write(dir, SUMMARY, bad, TRADES, FILLS);

        assertThatThrownBy(() -> RunDirectory.read(dir))
                .isInstanceOf(RunFileException.class)
                .hasMessageContaining("equity.jsonl line 4")
                .hasMessageContaining("\"equity\" must be a number")
                .satisfies(ex -> {
                    RunFileException e = (RunFileException) ex;
                    assertThat(e.file().getFileName().toString()).isEqualTo("equity.jsonl");
                    assertThat(e.line()).isEqualTo(4);
                });
    }

    @Test
    void brokenJsonIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
        String bad = EQUITY.replace("{\"time\":\"2013-01-03", "{\"time\":\"2013-01-03\",");
        write(dir, SUMMARY, bad, TRADES, FILLS);

        assertThatThrownBy(() -> RunDirectory.read(dir))
                .isInstanceOf(RunFileException.class)
                .hasMessageContaining("equity.jsonl line 2");
    }

    @Test
    void tradeWithoutAFieldIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
        String trades = TRADES + TRADES.replace("\"barsHeld\":9,", "");
        write(dir, SUMMARY, EQUITY, trades, FILLS);

        assertThatThrownBy(() -> RunDirectory.read(dir))
                .isInstanceOf(RunFileException.class)
                .hasMessageContaining("trades.jsonl line 2: missing \"barsHeld\"");
    }

    @Test
    void fillWithAnUnknownSideIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
        write(dir, SUMMARY, EQUITY, TRADES, FILLS.replace("\"SELL\"", "\"HOLD\""));

        assertThatThrownBy(() -> RunDirectory.read(dir))
                .isInstanceOf(RunFileException.class)
                .hasMessageContaining("fills.jsonl line 2")
                .hasMessageContaining("HOLD");
    }

    @Test
    void badTimeIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
        write(dir, SUMMARY, EQUITY.replace("2013-01-02T00:00:00Z", "2013-01-02"), TRADES, FILLS);

        assertThatThrownBy(() -> RunDirectory.read(dir))
                .isInstanceOf(RunFileException.class)
                .hasMessageContaining("equity.jsonl line 1")
                .hasMessageContaining("2013-01-02");
    }

    @Test
    void brokenSummaryNamesTheFile(@TempDir Path dir) throws Exception {
        write(dir, "{\"name\": \n \"x\",, }", EQUITY, TRADES, FILLS);

        assertThatThrownBy(() -> RunDirectory.read(dir))
                .isInstanceOf(RunFileException.class)
                .hasMessageContaining("summary.json line 2");
    }

    @Test
    void aDirectoryWithoutSummaryIsNotARun(@TempDir Path dir) {
        assertThatThrownBy(() -> RunDirectory.read(dir))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("summary.json");
    }

    private static void write(Path dir, String summary, String equity, String trades, String fills) throws Exception {
        Files.writeString(dir.resolve("summary.json"), summary);
        Files.writeString(dir.resolve("equity.jsonl"), equity);
        Files.writeString(dir.resolve("trades.jsonl"), trades);
        Files.writeString(dir.resolve("fills.jsonl"), fills);
    }
}
