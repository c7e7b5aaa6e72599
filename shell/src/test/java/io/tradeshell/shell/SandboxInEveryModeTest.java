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
        var r = runIn(mode, cheat, "cheat");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("peek.groovy:3: java.io.File is not allowed in a strategy script");
    }

    /** The audit's other three routes to the future: reflection on the feed, on a sweep's shared arrays, state kept between runs. */
    static List<org.junit.jupiter.params.provider.Arguments> routes() {
        List<String[]> cheats = List.of(
                new String[] {"reflection", "def feed = bars.getClass().getDeclaredField('close')", "'getClass' is not allowed"},
                new String[] {"shared arrays", "def values = sma(close, fast).class.superclass.getDeclaredField('values')", "is not allowed"},
                new String[] {"static state", "@groovy.transform.Field static Map seen = [:]", "static fields are not allowed"},
                new String[] {"system properties", "System.setProperty('seen', 'x')", "'setProperty' is not allowed"});
        List<org.junit.jupiter.params.provider.Arguments> out = new java.util.ArrayList<>();
        for (String[] c : cheats) for (List<String> mode : modes()) out.add(org.junit.jupiter.params.provider.Arguments.of(c[0], mode, c[1], c[2]));
        return out;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("routes")
    void everyRouteToTheFutureIsRefusedInEveryMode(String route, List<String> mode, String line, String expected) throws Exception {
        Path script = dir.resolve("route.groovy");
        Files.writeString(script, "params fast: 5\n" + line + "\nonBar { if (index == 1) buy(1) }\n");
        var r = runIn(mode, script, "route");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("route.groovy:2: ").contains(expected);
    }

    @Test
    void stateAScriptKeepsInItsFieldsNeverReachesAnotherRun() throws Exception {
        // each run counts its own bars from zero: a sweep's rows and parity's three runs agree with single runs
        Path counter = dir.resolve("counter.groovy");
        Files.writeString(counter, """
                params every: 20, hold: 5
                @groovy.transform.Field int seen = 0
                @groovy.transform.Field int entered = -1
                onBar {
                    seen++
                    if (flat && seen % every == 0) { buy(10); entered = seen }
                    else if (long && seen - entered >= hold) sell()
                }
                """);
        Path sweep = dir.resolve("counter-sweep");
        var swept = run("optimize", counter.toString(), "--data", DATA, "-p", "every=20,30", "-p", "hold=5", "--threads", "2", "--no-charts", "--out", sweep.toString());
        assertThat(swept.exitCode()).as(swept.err()).isZero();
        List<String> rows = Files.readAllLines(sweep.resolve("optimize.jsonl"));
        var json = new ObjectMapper();
        for (String every : List.of("20", "30")) {
            Path single = dir.resolve("counter-" + every);
            var alone = run("run", counter.toString(), "--data", DATA, "-p", "every=" + every, "--no-charts", "--out", single.toString());
            assertThat(alone.exitCode()).as(alone.err()).isZero();
            JsonNode metrics = json.readTree(single.resolve("summary.json").toFile()).get("metrics");
            JsonNode row = rows.stream().map(l -> read(json, l)).filter(n -> n.toString().contains("\"every\":" + every)).findFirst().orElseThrow();
            assertThat(row.toString()).contains("\"finalEquity\":" + metrics.get("finalEquity").asText());
        }
        var parity = run("parity", counter.toString(), "--data", DATA);
        assertThat(parity.exitCode()).as(parity.err()).isZero();
        assertThat(parity.out()).contains("zero differences");
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    private static CliTestSupport.Outcome runIn(List<String> mode, Path script, String name) {
        var args = new java.util.ArrayList<>(mode);
        int at = mode.get(0).equals("paper") ? 3 : 1;
        args.add(at, script.toString());
        if (mode.get(0).equals("paper")) args.set(2, name);
        args.addAll(List.of("--data", DATA));
        if (!mode.get(0).equals("paper") && !mode.get(0).equals("parity")) args.addAll(List.of("--out", dir.resolve("out-" + name + mode.get(0) + mode.size()).toString()));
        return run(args.toArray(String[]::new));
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
