package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.path;
import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptimizeCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCRIPT = path("strategies/sma_crossover.groovy");
    static final String DATA = path("data/aapl_daily_2013.csv");

    private static CliTestSupport.Outcome optimize(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("optimize", SCRIPT, "--data", DATA, "--out", out.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void eachCombinationAndTheBestMatchSingleRunsOfTheSameParams(@TempDir Path dir) throws Exception {
        var r = optimize(dir.resolve("sweep"), "-p", "fast=5,10", "-p", "slow=20..30:10", "--threads", "2", "--no-charts");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("one pass over the bars for 4 combinations (declared rules, tested as columns)"); // the SMA crossover is declared rules
        List<String> lines = Files.readAllLines(dir.resolve("sweep/optimize.jsonl"));
        assertThat(lines).hasSize(4);
        String bestFast = null, bestSlow = null;
        double bestSharpe = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (String fast : List.of("5", "10")) {
            for (String slow : List.of("20", "30")) {
                Path single = dir.resolve("run-" + fast + "-" + slow);
                var one = run("run", SCRIPT, "--data", DATA, "--param", "fast=" + fast, "--param", "slow=" + slow, "--out", single.toString(), "--no-charts");
                assertThat(one.exitCode()).as(one.err()).isEqualTo(0);
                JsonNode expected = JSON.readTree(single.resolve("summary.json").toFile()).get("metrics");
                JsonNode row = JSON.readTree(lines.get(k++));
                assertThat(row.get("params").get("fast").asText()).isEqualTo(fast);
                assertThat(row.get("params").get("slow").asText()).isEqualTo(slow);
                assertThat(row.get("metrics")).isEqualTo(expected);
                if (expected.get("sharpe").asDouble() > bestSharpe) {
                    bestSharpe = expected.get("sharpe").asDouble();
                    bestFast = fast;
                    bestSlow = slow;
                }
            }
        }
        JsonNode best = JSON.readTree(dir.resolve("sweep/best.json").toFile());
        assertThat(best.get("best").get("params").get("fast").asText()).isEqualTo(bestFast);
        assertThat(best.get("best").get("params").get("slow").asText()).isEqualTo(bestSlow);
        assertThat(best.get("best").get("objective").asDouble()).isEqualTo(bestSharpe);
        assertThat(best.get("selection").get("trials").asInt()).isEqualTo(4);
        assertThat(best.get("selection").get("probabilisticSharpe").isNumber()).isTrue();
        assertThat(best.get("selection").get("deflatedSharpe").isNumber()).isTrue();
        assertThat(r.out()).contains("best  {fast=" + bestFast + ", slow=" + bestSlow + ", qty=0, percent=95}")
                .contains("probabilistic Sharpe ratio").contains("deflated Sharpe ratio").contains("warning: the best combination rests on");
        assertThat(Files.readString(dir.resolve("sweep/top.txt"))).contains("rank").contains("few trades");
    }

    @Test
    void parallelAndSequentialRunsWriteIdenticalFiles(@TempDir Path dir) throws Exception {
        String[] sweep = {"-p", "fast=3..15:3", "-p", "slow=10..40:10", "--constraint", "fast < slow", "--no-charts"};
        var one = optimize(dir.resolve("one"), concat(sweep, "--threads", "1"));
        var two = optimize(dir.resolve("two"), concat(sweep, "--threads", "2"));
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(two.exitCode()).as(two.err()).isZero();
        for (String f : List.of("optimize.jsonl", "sweep.json", "best.json", "top.txt")) {
            assertThat(Files.readAllBytes(dir.resolve("two").resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(f)));
        }
        // 5 fast x 4 slow less the pairs with fast >= slow: (12, 10) and (15, 10)
        assertThat(Files.readAllLines(dir.resolve("one/optimize.jsonl")).size()).isEqualTo(5 * 4 - 2);
    }

    @Test
    void resumeAfterACrashFinishesTheSameFile(@TempDir Path dir) throws Exception {
        String[] sweep = {"-p", "fast=5..20:5", "-p", "slow=30..50:10", "--no-charts"};
        assertThat(optimize(dir.resolve("whole"), sweep).exitCode()).isZero();
        Path crashed = dir.resolve("crashed");
        assertThat(optimize(crashed, sweep).exitCode()).isZero();
        Path rows = crashed.resolve("optimize.jsonl");
        List<String> lines = Files.readAllLines(rows);
        Files.writeString(rows, String.join("\n", lines.subList(0, 4)) + "\n" + lines.get(4).substring(0, 30), StandardCharsets.UTF_8);
        var again = optimize(crashed, concat(sweep, "--resume"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("4 resumed from");
        assertThat(Files.readAllBytes(rows)).isEqualTo(Files.readAllBytes(dir.resolve("whole/optimize.jsonl")));
        var refused = optimize(crashed, sweep);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("already holds a sweep").contains("--resume");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"sharpe\":|\"sharpe\":\"oops\",\"was\":| metric sharpe is \"oops\", not a number",
            "\"trades\":|\"trades\":-1,\"was\":| metric trades is -1, not a count",
            "{|garbage {| not JSON",
            "\"slow\":|\"slow\":99,\"was\":| has slow=40 in this sweep, the line says 99"})
    void resumeRefusesACorruptedLineByItsNumberAndLeavesTheFileAsItWas(String find, String replace, String why, @TempDir Path dir) throws Exception {
        String[] sweep = {"-p", "fast=5..20:5", "-p", "slow=30..50:10", "--no-charts"};
        Path out = dir.resolve("sweep");
        assertThat(optimize(out, sweep).exitCode()).isZero();
        Path rows = out.resolve("optimize.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(rows));
        lines.set(1, lines.get(1).replaceFirst(java.util.regex.Pattern.quote(find), java.util.regex.Matcher.quoteReplacement(replace)));
        Files.writeString(rows, String.join("\n", lines.subList(0, 5)) + "\n", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(rows);

        var again = optimize(out, concat(sweep, "--resume"));

        assertThat(again.exitCode()).as(again.err()).isEqualTo(2);
        assertThat(again.err().strip().lines()).singleElement().asString()
                .contains("optimize.jsonl:2: not a sweep row (").contains(why.strip()).contains("delete that line");
        assertThat(Files.readAllBytes(rows)).isEqualTo(before);
    }

    @Test
    void chartsAreAHeatmapForTwoParamsAndALineForOne(@TempDir Path dir) {
        var two = optimize(dir.resolve("two"), "-p", "fast=5,10", "-p", "slow=20,30");
        assertThat(two.exitCode()).as(two.err()).isZero();
        assertThat(dir.resolve("two/heatmap.png")).isNotEmptyFile();
        var one = optimize(dir.resolve("one"), "-p", "fast=5..15:5", "--chart-format", "svg");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(dir.resolve("one/line.svg")).isNotEmptyFile();
        assertThat(one.out()).contains("chart").contains("line.svg");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "inverted range | fast=50..5:5 | | error: --param 'fast=50..5:5': inverted range, 5 is below 50",
            "zero step | fast=5..50:0 | | error: --param 'fast=5..50:0': the step must be positive, got 0",
            "unknown param | fsat=5..10 | | error: unknown param 'fsat' (sma_crossover.groovy has: fast, slow, qty, percent)",
            "wrong type | fast=1.5,2.5 | | error: sma_crossover.groovy: param 'fast' expects a whole number, got '1.5'",
            "constraint excludes all | fast=30..40:5 | fast > slow + 100 | error: constraint 'fast > slow + 100' excludes every one of the 3 combinations",
            "constraint unknown name | fast=30..40:5 | fast < slwo | error: constraint 'fast < slwo': unknown param 'slwo' (params: fast, slow, qty, percent)",
            "constraint syntax | fast=30..40:5 | fast = slow | error: constraint 'fast = slow': unexpected '=' at position 6 (use == to compare)",
    })
    void badInputIsOneLineWithExitCode2BeforeAnyWork(String name, String param, String constraint, String expected, @TempDir Path dir) {
        Path out = dir.resolve("out");
        var r = constraint == null ? optimize(out, "-p", param) : optimize(out, "-p", param, "--constraint", constraint);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(expected);
        assertThat(out).doesNotExist();
    }

    @Test
    void badSweepOptionsAreRejected(@TempDir Path dir) {
        Path out = dir.resolve("out");
        assertThat(optimize(out, "-p", "fast=5", "--objective", "sharp").err()).startsWith("error: unknown objective 'sharp' (one of: finalEquity,");
        assertThat(optimize(out, "-p", "fast=5", "--search", "random").err()).isEqualTo("error: --search random needs --samples N\n");
        assertThat(optimize(out, "-p", "fast=5", "--chart-params", "slow").err()).contains("'slow' is not a swept param");
        assertThat(optimize(out, "-p", "fast=5", "--threads", "0").err()).contains("--threads must be at least 1");
        assertThat(out).doesNotExist();
    }

    @Test
    void walkForwardWritesWindowsStitchedEquityAndItsChart(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("wf");
        var r = run("walkforward", SCRIPT, "--data", DATA, "-p", "fast=5..15:5", "-p", "slow=20..40:10", "--train", "6m", "--test", "1m", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> windows = Files.readAllLines(out.resolve("windows.jsonl"));
        assertThat(windows).hasSize(6);
        JsonNode first = JSON.readTree(windows.get(0));
        assertThat(first.get("trainFrom").asText()).isEqualTo("2013-01-02T00:00:00Z");
        assertThat(first.get("testFrom").asText()).isEqualTo("2013-07-02T00:00:00Z");
        assertThat(first.get("testTo").asText()).isEqualTo("2013-08-02T00:00:00Z");
        JsonNode summary = JSON.readTree(out.resolve("walkforward.json").toFile());
        assertThat(summary.get("windows").asInt()).isEqualTo(6);
        assertThat(summary.has("efficiency")).isTrue();
        // the stitched curve covers the test windows: July 2 to the last bar
        List<String> equity = Files.readAllLines(out.resolve("equity.jsonl"));
        assertThat(JSON.readTree(equity.get(0)).get("time").asText()).isEqualTo("2013-07-02T00:00:00Z");
        assertThat(JSON.readTree(equity.get(equity.size() - 1)).get("time").asText()).isEqualTo("2013-12-31T00:00:00Z");
        assertThat(out.resolve("walkforward.png")).isNotEmptyFile();
        assertThat(out.resolve("window-006/optimize.jsonl")).isNotEmptyFile();
        assertThat(r.out()).contains("walk-forward efficiency").contains("stitched out-of-sample");
        assertThat(r.err()).contains("window 6/6");
    }

    @Test
    void walkForwardWindowsLongerThanTheDataAreBadInput(@TempDir Path dir) {
        var r = run("walkforward", SCRIPT, "--data", DATA, "-p", "fast=5..15:5", "--train", "2y", "--test", "1m", "--out", dir.resolve("wf").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: the data (2013-01-02T00:00:00Z .. 2013-12-31T00:00:00Z) is too short for a 2y training window");
        var bad = run("walkforward", SCRIPT, "--data", DATA, "-p", "fast=5..15:5", "--train", "6x", "--test", "1m", "--out", dir.resolve("wf").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("window length '6x' is not like 6m");
        assertThat(dir.resolve("wf")).doesNotExist();
    }

    @Test
    void theSweepBenchmarkReportsCombinationsPerSecondForEachThreadCount() throws Exception {
        var r = run("bench-optimize", "--bars", "2000", "--grid", "2", "--threads", "1,2", "--rounds", "1", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("combinations").asInt()).isEqualTo(4);
        assertThat(j.get("runs")).hasSize(2);
        assertThat(j.get("runs").get(0).get("speedUp").asDouble()).isEqualTo(1.0);
        assertThat(j.get("runs").get(1).get("combinationsPerSecond").asDouble()).isPositive();
        assertThat(j.get("perCombination").get("medianCombinationsPerSecond").asDouble()).isPositive();
        assertThat(j.get("onePassGain").asDouble()).isPositive();
        assertThat(j.get("cpu").get("onePassGain").asDouble()).isPositive();
        assertThat(run("bench-optimize", "--threads", "2").err()).contains("--threads must start with 1");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
