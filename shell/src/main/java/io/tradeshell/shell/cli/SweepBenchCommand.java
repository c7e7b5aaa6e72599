package io.tradeshell.shell.cli;

import io.tradeshell.dsl.StrategyCompiler;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.app.trading.ProjectHome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradeshell bench-optimize}: combinations per second of a sweep, and how it scales with threads. */
@Command(name = "bench-optimize", mixinStandardHelpOptions = true,
        description = "Benchmark a parameter sweep: the SMA crossover over synthetic minute bars with a fast x slow grid, "
                + "in one pass on each thread count, against the per-combination path and separate backtests.",
        footer = {"", "Example:", "  tradeshell bench-optimize --bars 100000 --grid 10 --threads 1,2"})
public final class SweepBenchCommand implements Callable<Integer> {
    @Option(names = "--bars", defaultValue = "100000", description = "Synthetic one-minute bars (default 100000).")
    int bars;

    @Option(names = "--grid", defaultValue = "10", description = "Values per param: a GRID x GRID sweep (default 10).")
    int grid;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "Thread counts to time (default 1,2).")
    List<Integer> threads = new ArrayList<>();

    @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds after one warm-up, the one-pass and per-combination rounds alternating; best and median kept (default 3).")
    int rounds;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (bars < 1000) throw new IllegalArgumentException("--bars must be at least 1000, got " + bars);
        if (grid < 1 || grid > 100) throw new IllegalArgumentException("--grid must be 1 to 100, got " + grid);
        if (rounds < 1) throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
        if (threads.isEmpty() || threads.get(0) != 1 || threads.stream().anyMatch(t -> t < 1)) {
            throw new IllegalArgumentException("--threads must start with 1 (the baseline) and hold counts >= 1, got " + threads);
        }
        Path file = ProjectHome.get().resolve("strategies/sma_crossover.groovy");
        var r = new SweepBenchmark(new StrategyCompiler().compile(file), file).run(bars, grid, threads, rounds);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            StringBuilder t = new StringBuilder();
            for (int k = 0; k < threads.size(); k++) {
                if (k > 0) t.append(", ");
                t.append(String.format(Locale.ROOT, "{\"threads\": %d, \"combinationsPerSecond\": %.2f, \"medianCombinationsPerSecond\": %.2f, \"speedUp\": %.3f}",
                        threads.get(k), r.combinationsPerSecond().get(k), r.medianPerSecond().get(k), r.speedUp(k)));
            }
            out.printf(Locale.ROOT, "{\"bars\": %d, \"combinations\": %d, \"perCombination\": {\"combinationsPerSecond\": %.2f, "
                            + "\"medianCombinationsPerSecond\": %.2f}, \"onePassGain\": %.3f, \"runs\": [%s], \"separateBacktestsSeconds\": %.4f, "
                            + "\"loadSeconds\": %.4f, \"compileSeconds\": %.4f, \"separateRunsSeconds\": %.4f, "
                            + "\"sweepOneThreadSeconds\": %.4f, \"indicatorSeconds\": %.4f, \"indicatorShare\": %.4f, "
                            + "\"cpu\": {\"onePassMedianCombinationsPerSecond\": %.2f, \"perCombinationMedianCombinationsPerSecond\": %.2f, \"onePassGain\": %.3f, "
                            + "\"pairedGain\": %.3f}}%n",
                    r.bars(), r.combinations(), r.perCombinationPerSecond(), r.perCombinationMedianPerSecond(), r.onePassGain(), t, r.separateSeconds(), r.loadSeconds(), r.compileSeconds(), r.separateRunsSeconds(),
                    r.sweepSecondsOneThread(), r.indicatorSeconds(), r.indicatorShare(),
                    r.onePassCpuMedianPerSecond(), r.perCombinationCpuMedianPerSecond(), r.cpuGain(), r.pairedCpuGain());
        } else {
            out.printf(Locale.ROOT, "SMA crossover, %d x %d grid (%d combinations) over %,d synthetic 1-minute bars, best of %d rounds%n",
                    grid, grid, r.combinations(), r.bars(), rounds);
            out.printf(Locale.ROOT, "  per-combination (each its own backtest)  1 thread   %8.1f combinations/s best, %8.1f median%n",
                    r.perCombinationPerSecond(), r.perCombinationMedianPerSecond());
            for (int k = 0; k < threads.size(); k++) {
                out.printf(Locale.ROOT, "  one pass over the bars                 %2d thread%s  %8.1f combinations/s best, %8.1f median  %6.2f s  speed-up %.2fx%n",
                        threads.get(k), threads.get(k) == 1 ? " " : "s", r.combinationsPerSecond().get(k), r.medianPerSecond().get(k),
                        r.combinations() / r.combinationsPerSecond().get(k), r.speedUp(k));
            }
            out.printf(Locale.ROOT, "  one pass / per-combination, 1 thread, medians: %.1fx (same rows, checked)%n", r.onePassGain());
            out.printf(Locale.ROOT, "  on the thread's processor time, medians: one pass %.1f, per-combination %.1f combinations/s, %.1fx%n",
                    r.onePassCpuMedianPerSecond(), r.perCombinationCpuMedianPerSecond(), r.cpuGain());
            out.printf(Locale.ROOT, "  the two alternate round by round; the median of each round's ratio: %.1fx%n", r.pairedCpuGain());
            out.printf(Locale.ROOT, "  the same backtests one by one in memory: %.2f s (the 1-thread sweep takes %.2f s)%n",
                    r.separateSeconds(), r.sweepSecondsOneThread());
            out.printf(Locale.ROOT, "  as separate runs, each loading the data (%.0f ms) and compiling the script (%.0f ms): %.2f s, before JVM start-up%n",
                    1e3 * r.loadSeconds(), 1e3 * r.compileSeconds(), r.separateRunsSeconds());
            out.printf(Locale.ROOT, "  both moving averages of every combination: %.3f s, %.1f%% of the 1-thread sweep%n",
                    r.indicatorSeconds(), 100 * r.indicatorShare());
        }
        out.flush();
        return ExitCode.OK;
    }
}
