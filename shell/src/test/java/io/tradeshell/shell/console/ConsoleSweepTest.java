package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.optimize.SweepRow;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.Main;
import io.tradeshell.shell.console.chart.ReportCharts;
import io.tradeshell.shell.console.progress.Progress;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.session.ConsoleSettings;
import io.tradeshell.shell.console.sweeps.Sweep;
import io.tradeshell.shell.console.sweeps.SweepEntry;
import io.tradeshell.shell.console.sweeps.WalkForwardRun;
import io.tradeshell.shell.console.view.Output;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps and walk-forwards from the console: the Groovy words, the commands, and what their values do. */
class ConsoleSweepTest {
    @TempDir Path home;
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Console console;

    @BeforeEach
    void start() {
        SampleData.useRepository();
        console = new Console(new ConsoleSettings(home, false), Output.plain(new PrintWriter(out, true), new PrintWriter(err, true)),
                Progress.NONE, new ReportCharts(), null);
        assertThat(run("aapl = load('data/aapl_daily_2013.csv')")).isEqualTo(ExitCode.OK);
    }

    private int run(String text) {
        return console.runText(text);
    }

    private Object value(String name) {
        return console.workspace().groovy().variable(name).orElseThrow();
    }

    private String printed(String text) {
        int from = out.toString().length();
        assertThat(run(text)).as(err.toString()).isEqualTo(ExitCode.OK);
        return out.toString().substring(from);
    }

    @Test
    void optimizeRunsEveryPairTheConstraintAllowsEachAsTheSingleBacktestOfItsParams() {
        assertThat(run("sweep = optimize('strategies/sma_crossover.groovy', aapl, fast: [5, 10, 20], slow: [10, 20, 30], constraint: 'fast < slow')"))
                .as(err.toString()).isEqualTo(ExitCode.OK);
        Sweep sweep = (Sweep) value("sweep");
        // fast < slow leaves (5,10) (5,20) (5,30) (10,20) (10,30) (20,30): six of the nine pairs
        List<List<Integer>> expected = List.of(List.of(5, 10), List.of(5, 20), List.of(5, 30), List.of(10, 20), List.of(10, 30), List.of(20, 30));
        List<List<Integer>> got = new ArrayList<>();
        for (SweepEntry e : sweep.getRows()) got.add(List.of((Integer) e.get("fast"), (Integer) e.get("slow")));
        assertThat(got).isEqualTo(expected);

        double bestSharpe = Double.NEGATIVE_INFINITY;
        List<Integer> bestPair = null;
        for (SweepEntry e : sweep.getRows()) {
            assertThat(run("one = backtest('strategies/sma_crossover.groovy', aapl, fast: " + e.get("fast") + ", slow: " + e.get("slow") + ")")).isEqualTo(0);
            SessionRun single = (SessionRun) value("one");
            assertThat(e.getMetrics()).isEqualTo(single.getMetrics());
            assertThat(e.get("sharpe")).isEqualTo(single.getMetrics().sharpe());
            assertThat(e.get("trades")).isEqualTo(single.getMetrics().trades());
            if (single.getMetrics().sharpe() > bestSharpe) {
                bestSharpe = single.getMetrics().sharpe();
                bestPair = List.of((Integer) e.get("fast"), (Integer) e.get("slow"));
            }
        }
        SweepEntry best = sweep.getBest();
        assertThat(List.of(best.get("fast"), best.get("slow"))).isEqualTo(bestPair);
        assertThat(sweep.getRanked().get(0).getId()).isEqualTo(best.getId());
    }

    @Test
    void aParamTakesARangeASteppedRangeARangeTextAListOrOneValue() {
        assertThat(run("s = optimize('sma_crossover', aapl, fast: 5..8, slow: (20..35).step(5), qty: '5..15:5')")).as(err.toString()).isEqualTo(0);
        Sweep s = (Sweep) value("s");
        var ranges = s.result().space().ranges();
        assertThat(ranges.get(0).values()).containsExactly(5, 6, 7, 8);
        assertThat(ranges.get(1).values()).containsExactly(20, 25, 30, 35);
        assertThat(ranges.get(2).values()).containsExactly(5, 10, 15);
        assertThat(s.size()).isEqualTo(4 * 4 * 3);
        assertThat(run("t = optimize('sma_crossover', aapl, fast: 7, slow: [25, 40])")).isEqualTo(0);
        assertThat(((Sweep) value("t")).getSwept()).containsExactly("slow");
    }

    @Test
    void filterKeepsTheRowsTheClosurePassesAndStillCountsEveryTrial() {
        run("sweep = optimize('sma_crossover', aapl, fast: 2..12, slow: [20, 30, 40])");
        Sweep sweep = (Sweep) value("sweep");
        long manyTrades = 0;
        for (SweepRow r : sweep.result().rows()) if (r.metrics().trades() >= 4 && (int) r.params().get("fast") < 8) manyTrades++;
        assertThat(run("few = sweep.filter { it.trades >= 4 && it.fast < 8 }")).as(err.toString()).isEqualTo(0);
        Sweep few = (Sweep) value("few");
        assertThat(few.size()).isEqualTo((int) manyTrades).isLessThan(sweep.size());
        assertThat(few.result().trials()).isEqualTo(33);
        for (SweepEntry e : few) assertThat((Integer) e.get("trades")).isGreaterThanOrEqualTo(4);

        String calmar = printed("sweep.by('calmar').best.calmar");
        double bestCalmar = sweep.result().rows().stream().mapToDouble(r -> r.metrics().calmar()).filter(Double::isFinite).max().orElseThrow();
        assertThat(Double.parseDouble(calmar.strip())).isEqualTo(bestCalmar);
    }

    @Test
    void aSweepPrintsItsBestRowsRankedAndSaysWhatTheBestRestsOn() {
        run("sweep = optimize('sma_crossover', aapl, fast: [5, 10], slow: [20, 30])");
        String shown = printed("sweep");
        assertThat(shown).startsWith("SMA crossover sweep: 4 combinations ranked by sharpe (higher is better)");
        assertThat(shown).contains("rank  fast  slow  sharpe").contains("few trades").contains("deflated Sharpe ratio");
        List<String> rows = shown.lines().filter(l -> l.matches("\\s+[1-4]\\s+\\d+\\s+\\d+\\s+.*")).toList();
        assertThat(rows).hasSize(4);
        SweepEntry best = ((Sweep) value("sweep")).getBest();
        assertThat(rows.get(0)).matches("\\s+1\\s+" + best.get("fast") + "\\s+" + best.get("slow") + "\\s.*");

        List<String> top = printed("sweep.top(2)").lines().toList();
        assertThat(top.get(0)).matches("#\\s+fast\\s+slow\\s+qty\\s+percent\\s+sharpe.*");
        assertThat(top).hasSize(4);
        assertThat(top.get(2)).matches(best.getId() + "\\s+" + best.get("fast") + "\\s+" + best.get("slow") + "\\s+0\\s+95\\s.*");
    }

    @Test
    void chartOfASweepIsAHeatmapAndSaveWritesWhatTheOptimizeCommandWrites() throws Exception {
        run("sweep = optimize('sma_crossover', aapl, fast: [5, 10, 15], slow: [20, 30])");
        String shown = printed("chart(sweep)");
        assertThat(shown).startsWith("heatmap of sharpe over fast and slow of the SMA crossover sweep");
        Path png = Path.of(shown.strip().replaceAll(".*  ", ""));
        assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(printed("chart(sweep, 'slow')")).startsWith("sharpe over slow of the SMA crossover sweep");

        Path saved = dir.resolve("saved");
        assertThat(run("sweep.save('" + saved + "')")).isEqualTo(0);
        assertThat(Files.readAllLines(saved.resolve("optimize.jsonl"))).hasSize(6);
        assertThat(saved.resolve("best.json")).exists();
        assertThat(saved.resolve("top.txt")).exists();
        assertThat(Files.size(saved.resolve("heatmap.png"))).isPositive();
    }

    @Test
    void theOptimizeCommandWritesTheHeadlessCommandsRowsAndKeepsTheSweep() throws Exception {
        Path console = dir.resolve("console"), headless = dir.resolve("headless");
        String shown = printed("optimize sma_crossover --data aapl -p fast=5,10 -p slow=20..30:10 --threads 1 --out " + console);
        assertThat(shown).contains("kept as sweep1").contains("outputs  " + console).contains("heatmap.png");
        assertThat(((Sweep) value("sweep1")).size()).isEqualTo(4);
        int code = Main.execute(new String[] {"optimize", SampleData.ROOT.resolve("strategies/sma_crossover.groovy").toString(),
                "--data", SampleData.AAPL.toString(), "-p", "fast=5,10", "-p", "slow=20..30:10", "--threads", "1", "--out", headless.toString(),
                "--no-charts"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(code).isEqualTo(0);
        assertThat(Files.readAllLines(console.resolve("optimize.jsonl"))).isEqualTo(Files.readAllLines(headless.resolve("optimize.jsonl")));
        assertThat(printed("optimize sma_crossover -p fast=5 -p slow=20,30 --no-charts --out " + dir.resolve("second"))).contains("kept as sweep2");
        assertThat(printed("chart sweep1")).startsWith("heatmap of sharpe over fast and slow");
    }

    @Test
    void walkforwardFromGroovyAndFromTheCommandChooseTheSameParamsWindowByWindow() {
        assertThat(run("wf = walkforward('sma_crossover', aapl, fast: [5, 10], slow: [20, 30], train: '6m', test: '1m')")).as(err.toString()).isEqualTo(0);
        String shown = printed("walkforward sma_crossover --data aapl -p fast=5,10 -p slow=20,30 --train 6m --test 1m --no-charts --out " + dir.resolve("wf"));
        assertThat(shown).contains("kept as wf1").contains("walk-forward efficiency");
        WalkForwardRun groovy = (WalkForwardRun) value("wf"), command = (WalkForwardRun) value("wf1");
        // 2013-01-02 .. 2013-12-31: six-month training windows leave July to December to test, one month each
        assertThat(groovy.getWindows()).hasSize(6);
        for (int k = 0; k < 6; k++) assertThat(groovy.getWindows().get(k).params()).isEqualTo(command.getWindows().get(k).params());
        assertThat(groovy.getMetrics()).isEqualTo(command.getMetrics());
        assertThat(printed("chart(wf)")).startsWith("out-of-sample equity of the SMA crossover walk-forward");
        assertThat(printed("wf")).contains("stitched out-of-sample").contains("train from");
    }

    @Test
    void aNameThatIsNeitherParamNorOptionIsRefusedBeforeAnyBacktest() {
        assertThat(run("optimize('sma_crossover', aapl, fats: 5..10)")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("'fats' is neither a param of").contains("fast, slow, qty");
        assertThat(run("walkforward('sma_crossover', aapl, fast: [5, 10])")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("walkforward needs train: and test:");
        assertThat(run("optimize('sma_crossover', aapl, fast: [5, 10], objective: 'luck')")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(console.workspace().runs().all()).isEmpty();
    }

    @Test
    void plotDrawsPriceWithIndicatorsAndLinesOverTimeAsPngs() throws Exception {
        String price = printed("plot(aapl, sma(aapl, 20))");
        assertThat(price).startsWith("AAPL price with SMA(close, 20)");
        String lines = printed("plot(title: 'RSI', rsi: rsi(aapl, 14))");
        assertThat(lines).startsWith("RSI  ");
        try (Stream<Path> charts = Files.list(home.resolve("charts"))) {
            List<Path> pngs = charts.toList();
            assertThat(pngs).hasSize(2);
            for (Path p : pngs) assertThat(Files.readAllBytes(p)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
        assertThat(run("plot(aapl, sma(load('data/btcusd_bitstamp_trades_2013-11-25.csv', bar: '1h'), 5))")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("is over other bars than aapl");
    }
}
