package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.ROOT;
import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox holds in every mode: a script that tries to read the data file ahead of the bars
 * (the first route an audit used to turn +2% into +104%) is refused before any bar runs by
 * backtest, live, optimize, walk-forward, parity and paper alike, with its script line and exit 1.
 */
class SandboxInEveryModeTest {
    @TempDir
    static Path dir;
    static Path cheat;
    static final String DATA = ROOT.resolve("data/aapl_daily_2013.csv").toString();

    @BeforeAll
    static void writeCheat() throws Exception {
        cheat = dir.resolve("peek.groovy");
        Files.writeString(cheat, """
                params fast: 5
                // knows tomorrow's close by reading the file the feed replays
                def future = new File('%s').readLines()
                onBar { if (index == 1) buy(1) }
                """.formatted(DATA.replace("\\", "/")));
    }

    static List<List<String>> modes() {
        return List.of(
                List.of("run", "--no-charts"),
                List.of("run", "--mode", "live", "--speed", "max", "--no-charts"),
                List.of("optimize", "-p", "fast=5,10"),
                List.of("walkforward", "-p", "fast=5,10", "--train", "6m", "--test", "2m"),
                List.of("parity"),
                List.of("paper", "start", "cheat", "--speed", "max", "--home", dir.resolve("home").toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aScriptThatReadsTheDataFileIsRefusedInEveryMode(List<String> mode) {
        var args = new java.util.ArrayList<>(mode);
        int at = mode.get(0).equals("paper") ? 3 : 1;
        args.add(at, cheat.toString());
        args.addAll(List.of("--data", DATA));
        if (!mode.get(0).equals("paper") && !mode.get(0).equals("parity")) args.addAll(List.of("--out", dir.resolve("out-" + mode.get(0) + mode.size()).toString()));
        var r = run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("peek.groovy:3: java.io.File is not allowed in a strategy script");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aRunawayOnBarIsStoppedByItsBudgetInEveryMode(List<String> mode) throws Exception {
        Path loop = dir.resolve("spin.groovy");
        Files.writeString(loop, "params fast: 5\nonBar {\n    if (index == 3) { while (true) { } }\n}\n");
        var args = new java.util.ArrayList<>(mode);
        int at = mode.get(0).equals("paper") ? 3 : 1;
        args.add(at, loop.toString());
        if (mode.get(0).equals("paper")) args.set(2, "spin-" + mode.size());
        args.addAll(List.of("--data", DATA, "--bar-budget", "200ms"));
        if (!mode.get(0).equals("paper") && !mode.get(0).equals("parity")) args.addAll(List.of("--out", dir.resolve("spin-" + mode.get(0) + mode.size()).toString()));
        var r = run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err()).contains("spin.groovy:3: ran longer than its budget of 200 ms (an endless loop?)");
    }

    @Test
    void trustRunsItAndTheSummarySaysTheSandboxWasOff() throws Exception {
        Path out = dir.resolve("trusted");
        var r = run("run", cheat.toString(), "--data", DATA, "--trust", "--no-charts", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.toString()).contains("TRUSTED: the strategy script ran outside the sandbox");
    }
}
