package io.tradeshell.shell.cli;

import io.tradeshell.engine.optimize.CombinationFailedException;
import io.tradeshell.engine.optimize.CombinationPlan;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.Optimizer;
import io.tradeshell.engine.optimize.SweepListener;
import io.tradeshell.engine.optimize.SweepResult;
import io.tradeshell.report.chart.ChartFormat;
import io.tradeshell.shell.app.ClusterOptions;
import io.tradeshell.shell.app.ClusterSweep;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.app.SweepCharts;
import io.tradeshell.shell.app.SweepOptions;
import io.tradeshell.shell.app.SweepSetup;
import io.tradeshell.shell.app.SweepTable;
import io.tradeshell.shell.app.trading.ProjectHome;
import io.tradeshell.shell.app.trading.RunOptions;
import io.tradeshell.shell.app.trading.RunSettings;
import io.tradeshell.shell.app.trading.RunService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradeshell optimize SCRIPT --param fast=5..50:5 ...}: every combination as a backtest, ranked. */
@Command(name = "optimize", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a strategy over every combination of its params (or a random sample), on all cores, and rank the results.",
        footer = {"", "Each --param is a range NAME=FROM..TO:STEP, a list NAME=A,B,C or a fixed value NAME=V.",
                "Writes into --out DIR: optimize.jsonl (a line per combination, as each finishes), sweep.json, best.json,",
                "top.txt, and heatmap.png (two swept params) or line.png (one). --resume continues an interrupted sweep.",
                "", "Examples:",
                "  tradeshell optimize strategies/sma_crossover.groovy --param fast=5..50:5 --param slow=20..200:10 --constraint 'fast < slow'",
                "  tradeshell optimize strategies/sma_crossover.groovy -p fast=5,10,20 -p slow=50..200:50 --objective calmar --out runs/opt",
                "  tradeshell optimize strategies/sma_crossover.groovy -p fast=2..100 -p slow=10..400 --search random --samples 500 --out runs/opt",
                "  tradeshell optimize strategies/sma_crossover.groovy -p fast=2..100 -p slow=10..400 --cluster 127.0.0.1:5701,127.0.0.1:5702",
                "", "Exit codes: 0 done, 1 script error, 2 bad input (data, option, param, range, constraint), 3 internal error."})
public final class OptimizeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The strategy script (.groovy).")
    Path script;

    @Mixin
    RunOptions options;

    @Mixin
    SweepOptions sweep;

    @Mixin
    ClusterOptions cluster;

    @Spec
    CommandSpec spec;

    private final RunService service;

    public OptimizeCommand(RunService service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var format = SweepCharts.format(options.chartFormat);
        Path file = ProjectHome.resolve(script.toString());
        RunSettings settings = options.settings();
        // one indicator cache for deciding the path and for the sweep: the first combination's indicators are computed once
        OptimizeRequest request = Optimizer.sharingIndicators(SweepSetup.request(service, file, settings, sweep.settings(), "optimize", err));
        SweepCharts.check(sweep.chartParams, request.space().names());
        var plan = Optimizer.plan(request);
        Path dir = request.out().orElseThrow();
        out.printf(Locale.ROOT, "%s: %,d combination%s of %s%s, %d thread%s%n", request.base().script(), plan.size(), plan.size() == 1 ? "" : "s",
                String.join(" ", request.space().ranges().stream().map(Object::toString).toList()),
                request.constraint().isNone() ? "" : " where " + request.constraint().text(), request.threads(), request.threads() == 1 ? "" : "s");
        out.println("  " + Optimizer.describePath(request, plan));
        out.flush();
        plan.note().ifPresent(n -> err.println("note: " + n));
        SweepProgressBar bar = new SweepProgressBar(err, SweepProgressBar.onTerminal());
        // Ctrl-C or a kill stops the sweep after the combinations in flight, which reach optimize.jsonl; the rest is printed before the stop is released
        try (StopOnShutdown stop = StopOnShutdown.install()) {
            SweepListener listener = bar.stoppingWhen(stop);
            SweepResult result = cluster.isSet()
                    ? run(() -> ClusterSweep.optimize(cluster.target(), settings, file, request, plan, listener, out), bar, err)
                    : run(request, plan, bar, listener, err);
            bar.finishLine();
            if (result.stoppedEarly()) {
                err.printf(Locale.ROOT, "interrupted after %,d of %,d combinations; rerun with --resume to continue%n", result.rows().size(), plan.size());
                err.flush();
            }
            return report(request, result, dir, format, out);
        }
    }

    private int report(OptimizeRequest request, SweepResult result, Path dir, ChartFormat format, PrintWriter out) {
        String table = SweepTable.render(result, request.top());
        out.print(table);
        out.printf(Locale.ROOT, "  %,d combinations in %.2f s (%.1f combinations/s%s)%n", result.rows().size() - result.resumed(),
                result.elapsedNanos() / 1e9, result.combinationsPerSecond(),
                result.resumed() > 0 ? String.format(Locale.ROOT, ", %,d resumed from %s", result.resumed(), ProjectHome.display(dir)) : "");
        write(dir.resolve("top.txt"), table);
        List<Path> charts = options.noCharts ? List.of() : SweepCharts.write(result, dir, format, sweep.chartParams);
        out.println("  outputs  " + ProjectHome.display(dir));
        for (Path chart : charts) out.println("  chart    " + ProjectHome.display(chart));
        out.flush();
        return result.stoppedEarly() ? ExitCode.INTERRUPTED : ExitCode.OK;
    }

    /** Runs the sweep; a failed combination is named on the error stream and its own error decides the exit code. */
    static SweepResult run(OptimizeRequest request, CombinationPlan plan, SweepProgressBar bar, SweepListener listener, PrintWriter err) {
        return run(() -> Optimizer.run(request, plan, listener), bar, err);
    }

    /** Runs a sweep however it is run (here or on a cluster), with the failure handling of {@link #run(OptimizeRequest, CombinationPlan, SweepProgressBar, SweepListener, PrintWriter)}. */
    static SweepResult run(java.util.function.Supplier<SweepResult> sweep, SweepProgressBar bar, PrintWriter err) {
        try {
            return sweep.get();
        } catch (CombinationFailedException e) {
            bar.finishLine();
            err.println("combination " + e.params() + " failed; the ones before it are saved, --resume continues after a fix");
            throw unwrap(e);
        }
    }

    static RuntimeException unwrap(CombinationFailedException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) return r;
        if (cause instanceof Error x) throw x;
        return e;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
