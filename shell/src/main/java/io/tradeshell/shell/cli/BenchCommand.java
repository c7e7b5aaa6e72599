package io.tradeshell.shell.cli;

import io.tradeshell.dsl.StrategyCompiler;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.bench.Benchmark;
import io.tradeshell.shell.bench.PortfolioBenchmark;
import io.tradeshell.shell.app.trading.ProjectHome;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradeshell bench}: bars per second of the scripted strategy, plain ta4j and a primitive loop. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark the SMA crossover three ways in one process: the Groovy script through the engine, plain ta4j (DoubleNum), and a primitive loop.",
                "Then a portfolio case: the sector rotation script as a monthly top-10 rotation over a synthetic universe of daily bars, against a plain loop doing the same ranking and fills."},
        footer = {"", "Examples:", "  tradeshell bench --bars 1000000 --json", "  tradeshell bench --symbols 500 --days 2520"})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--bars", defaultValue = "1000000", description = "Synthetic one-minute bars (default 1000000).")
    int bars;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds after the warm-up; the SMA case keeps the best, the portfolio case the median (default 5).")
    int rounds;

    @Option(names = "--symbols", defaultValue = "500", description = "Symbols in the portfolio case's universe; 0 skips it (default 500).")
    int symbols;

    @Option(names = "--days", defaultValue = "2520", description = "Daily bars per symbol in the portfolio case (default 2520).")
    int days;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--sandbox", description = "Instead: what the strategy sandbox costs, each script compiled sandboxed and trusted.")
    boolean sandbox;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (bars < 100) throw new IllegalArgumentException("--bars must be at least 100, got " + bars);
        if (rounds < 1) throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
        if (sandbox) return sandboxCost();
        var script = new StrategyCompiler().compile(ProjectHome.get().resolve("strategies/sma_crossover.groovy"));
        if (symbols < 0 || (symbols > 0 && days <= PortfolioBenchmark.LOOKBACK)) {
            throw new IllegalArgumentException("--symbols must be >= 0 and --days over " + PortfolioBenchmark.LOOKBACK + ", got " + symbols + " and " + days);
        }
        Benchmark.Result r = new Benchmark(script).run(bars, rounds);
        Optional<PortfolioBenchmark.Result> p = symbols == 0 ? Optional.empty() : Optional.of(new PortfolioBenchmark(
                new StrategyCompiler().compile(ProjectHome.get().resolve("strategies/sector_rotation.groovy"))).run(symbols, days, rounds));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.printf(Locale.ROOT, "{\"bars\": %d, \"scripted\": {\"barsPerSecond\": %.0f, \"trades\": %d}, \"ta4j\": {\"barsPerSecond\": %.0f, \"trades\": %d}, "
                            + "\"primitive\": {\"barsPerSecond\": %.0f, \"trades\": %d}, \"scriptedOverTa4j\": %.2f%s}%n",
                    r.bars(), r.scripted().barsPerSecond(), r.scripted().trades(), r.ta4j().barsPerSecond(), r.ta4j().trades(),
                    r.primitive().barsPerSecond(), r.primitive().trades(), r.scriptedOverTa4j(), p.map(BenchCommand::portfolioJson).orElse(""));
        } else {
            out.printf(Locale.ROOT, "SMA crossover (10/30) over %,d synthetic 1-minute bars, best of %d rounds%n", r.bars(), rounds);
            row(out, "scripted (Groovy DSL + engine)", r.scripted());
            row(out, "plain ta4j (DoubleNum)", r.ta4j());
            row(out, "primitive loop", r.primitive());
            out.printf(Locale.ROOT, "scripted / ta4j = %.2fx   primitive / scripted = %.1fx%n", r.scriptedOverTa4j(), r.primitiveOverScripted());
            p.ifPresent(pr -> {
                out.printf(Locale.ROOT, "%nMonthly top-%d rotation over %d symbols x %,d daily bars, median of %d rounds (thread CPU time)%n",
                        PortfolioBenchmark.TOP, pr.symbols(), pr.days(), rounds);
                fillRow(out, "engine (portfolio section)", pr.engine());
                fillRow(out, "plain loop", pr.plain());
                out.printf(Locale.ROOT, "plain / engine = %.1fx%n", pr.plainOverEngine());
            });
        }
        out.flush();
        return ExitCode.OK;
    }

    private int sandboxCost() {
        PrintWriter out = spec.commandLine().getOut();
        var pairs = new io.tradeshell.shell.bench.SandboxBenchmark().run(ProjectHome.get().resolve("strategies/sma_crossover.groovy"), bars, rounds);
        if (json) {
            out.print("[");
            for (int k = 0; k < pairs.size(); k++) {
                var p = pairs.get(k);
                out.printf(Locale.ROOT, "%s{\"script\": \"%s\", \"sandboxedBarsPerSecond\": %.0f, \"trustedBarsPerSecond\": %.0f, \"cost\": %.3f}",
                        k == 0 ? "" : ", ", p.script(), p.sandboxed(), p.trusted(), p.cost());
            }
            out.println("]");
        } else {
            out.printf(Locale.ROOT, "The strategy sandbox over %,d synthetic 1-minute bars, best of %d rounds%n", bars, rounds);
            for (var p : pairs) {
                out.printf(Locale.ROOT, "  %-38s sandboxed %,12.0f bars/s   trusted %,12.0f bars/s   sandboxed / trusted = %.2fx%n",
                        p.script(), p.sandboxed(), p.trusted(), p.sandboxed() / p.trusted());
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String portfolioJson(PortfolioBenchmark.Result p) {
        return String.format(Locale.ROOT, ", \"portfolio\": {\"symbols\": %d, \"days\": %d, \"engine\": {\"barsPerSecond\": %.0f, \"fills\": %d}, "
                        + "\"plain\": {\"barsPerSecond\": %.0f, \"fills\": %d}, \"plainOverEngine\": %.2f, \"engineCpuMillis\": %.1f, \"plainCpuMillis\": %.1f}",
                p.symbols(), p.days(), p.engine().barsPerSecond(), p.engine().trades(), p.plain().barsPerSecond(), p.plain().trades(), p.plainOverEngine(),
                p.engine().cpuNanos() / 1e6, p.plain().cpuNanos() / 1e6);
    }

    private static void fillRow(PrintWriter out, String name, Benchmark.Timing t) {
        out.printf(Locale.ROOT, "  %-32s %,15.0f bars/s   %,6d fills    %8.1f ms CPU  %8.1f ms wall%n", name, t.barsPerSecond(), t.trades(),
                t.cpuNanos() / 1e6, t.nanos() / 1e6);
    }

    private static void row(PrintWriter out, String name, Benchmark.Timing t) {
        out.printf(Locale.ROOT, "  %-32s %,15.0f bars/s   %,6d trades   %8.1f ms%n", name, t.barsPerSecond(), t.trades(), t.nanos() / 1e6);
    }
}
