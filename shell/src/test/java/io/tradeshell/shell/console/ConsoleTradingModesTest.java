package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live and paper modes from the console: parity, a live run, a paper session started and operated. */
class ConsoleTradingModesTest {
    @TempDir Path home;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void repository() {
        SampleData.useRepository();
    }

    private int console(String commands) {
        return Main.execute(new String[] {"--home", home.toString(), "-c", commands}, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void parityFromTheConsoleFindsNoDifferenceWithRealismOff() {
        assertThat(console("parity sma_crossover")).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("zero differences");
    }

    @Test
    void aLiveRunFromTheConsoleWritesTheBacktestsTrades() throws Exception {
        Path live = home.resolve("live"), bt = home.resolve("bt");
        int code = console("run sma_crossover --mode live --speed max --no-charts --out " + live
                + "; run sma_crossover --no-charts --out " + bt);
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllLines(live.resolve("trades.jsonl"))).isEqualTo(Files.readAllLines(bt.resolve("trades.jsonl")));
        assertThat(Files.readAllLines(live.resolve("equity.jsonl"))).isEqualTo(Files.readAllLines(bt.resolve("equity.jsonl")));
    }

    @Test
    void aPaperSessionStartedFromTheConsoleRunsInTheBackgroundAndAnswersStatus() throws Exception {
        assertThat(console("paper start demo sma_crossover --speed max --no-charts")).as(err.toString()).isEqualTo(ExitCode.OK);
        // a batch console sees the session through before it ends (an interactive one returns at once)
        assertThat(out.toString()).contains("paper demo finished: SMA crossover [paper]");
        Path status = home.resolve("paper/demo/status.json");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !(Files.exists(status) && Files.readString(status).contains("\"finished\""))) Thread.sleep(100);
        out.getBuffer().setLength(0);
        assertThat(console("paper status demo --json")).as(err.toString()).isEqualTo(ExitCode.OK);
        var json = new ObjectMapper().readTree(out.toString());
        // the same account a backtest of the same script and data ends with (7 fills, 3 closed trades, one open)
        assertThat(json.get("fills").asInt()).isEqualTo(7);
        assertThat(json.get("positions").size()).isEqualTo(1);
        out.getBuffer().setLength(0);
        assertThat(console("paper list")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("demo");
        assertThat(console("paper status nosuch")).isEqualTo(ExitCode.BAD_INPUT);
    }
}
