package io.tradeshell.shell.cli;

import io.tradeshell.engine.optimize.CalendarPeriod;
import io.tradeshell.engine.optimize.CombinationFailedException;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.Optimizer;
import io.tradeshell.engine.optimize.WalkForward;
import io.tradeshell.engine.optimize.WalkForwardRequest;
import io.tradeshell.engine.optimize.WalkForwardResult;
import io.tradeshell.engine.optimize.WalkForwardWindow;
import io.tradeshell.report.chart.ChartFormat;
import io.tradeshell.shell.app.ClusterOptions;
import io.tradeshell.shell.app.ClusterSweep;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.app.SweepCharts;
import io.tradeshell.shell.app.SweepOptions;
import io.tradeshell.shell.app.SweepSetup;
import io.tradeshell.shell.app.WalkForwardTable;
import io.tradeshell.shell.app.trading.ProjectHome;
import io.tradeshell.shell.app.trading.RunOptions;
import io.tradeshell.shell.app.trading.RunSettings;
import io.tradeshell.shell.app.trading.RunService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradeshell walkforward SCRIPT --param ... --train 6m --test 1m}: optimise in sample, trade out of sample, window by window. */
@Command(name = "walkforward", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Walk forward: in each window, optimise on the training period and trade the best params on the test period that follows; stitch the test periods together.",
        footer = {"", "Windows are calendar periods: 10d, 2w, 6m (months), 1y. Rolling training windows keep their length and move by the",
                "test length; --anchored ones all start at the first bar. Test windows follow their training window with no overlap.",
                "Each --param is a range NAME=FROM..TO:STEP, a list NAME=A,B,C or a fixed value NAME=V.",
                "Writes into --out DIR: windows.jsonl (chosen params, in- and out-of-sample metrics per window), equity.jsonl (stitched",
                "out-of-sample equity), walkforward.json (its metrics and the walk-forward efficiency), window-NNN/ (each training sweep)",
                "and walkforward.png.",
                "", "Example:",
                "  tradeshell walkforward strategies/sma_crossover.groovy --data data/aapl_daily_2013.csv -p fast=5..20:5 -p slow=20..60:10 --train 6m --test 1m",
                "", "Exit codes: 0 done, 1 script error, 2 bad input (data, option, param, range, window), 3 internal error."})
public final class WalkForwardCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The strategy script (.groovy).")
    Path script;

    @Option(names = "--train", required = true, paramLabel = "PERIOD", description = "Training window length, e.g. 6m.")
    String train;

    @Option(names = "--test", required = true, paramLabel = "PERIOD", description = "Test window length, e.g. 1m.")
    String test;

    @Option(names = "--anchored", description = "Every training window starts at the first bar (default: rolling windows).")
    boolean anchored;

    @Mixin
    RunOptions options;

    @Mixin
    SweepOptions sweep;

    @Mixin
    ClusterOptions cluster;

    @Spec
    CommandSpec spec;

    private final RunService service;

    public WalkForwardCommand(RunService service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var format = SweepCharts.format(options.chartFormat);
        CalendarPeriod trainLength = CalendarPeriod.parse(train), testLength = CalendarPeriod.parse(test);
        Path file = ProjectHome.resolve(script.toString());
        RunSettings settings = options.settings();
        OptimizeRequest sweepRequest = SweepSetup.request(service, file, settings, sweep.settings(), "walkforward", err);
        WalkForwardRequest request = new WalkForwardRequest(sweepRequest, trainLength, testLength, anchored);
        List<WalkForwardWindow> windows = WalkForward.plan(request);
        Path dir = sweepRequest.out().orElseThrow();
        var plan = Optimizer.plan(sweepRequest);
        out.printf(Locale.ROOT, "%s: %d %s windows of %s train / %s test, %,d combinations each by %s%n", sweepRequest.base().script(),
                windows.size(), anchored ? "anchored" : "rolling", trainLength, testLength, plan.size(), sweepRequest.objective());
        plan.note().ifPresent(n -> err.println("note: " + n));
        out.flush();
        boolean terminal = SweepProgressBar.onTerminal();
        SweepProgressBar bar = new SweepProgressBar(err, terminal, w -> WalkForwardTable.windowLine(w, windows.size(), sweepRequest));
        WalkForwardResult result;
        // Ctrl-C or a kill stops after the combinations in flight; finished windows and rows stay for --resume
        try (StopOnShutdown stop = StopOnShutdown.install()) {
            bar.stoppingWhen(stop);
            try {
                result = cluster.isSet() ? ClusterSweep.walkForward(cluster.target(), settings, file, request, bar, out) : WalkForward.run(request, bar);
            } catch (CombinationFailedException e) {
                bar.finishLine();
                err.println("combination " + e.params() + " failed; finished windows are saved, --resume continues after a fix");
                throw OptimizeCommand.unwrap(e);
            }
            if (stop.getAsBoolean()) {
                bar.finishLine();
                err.printf(Locale.ROOT, "interrupted after %d of %d windows; rerun with --resume to continue%n", result.windows().size(), windows.size());
                err.flush();
            }
            return report(result, windows.size(), dir, format, out);
        }
    }

    private int report(WalkForwardResult result, int planned, Path dir, ChartFormat format, PrintWriter out) {
        out.print(WalkForwardTable.render(result));
        OptimizeCommand.write(dir.resolve("windows.txt"), WalkForwardTable.render(result));
        Path chart = options.noCharts ? null : SweepCharts.walkForward(result, dir, format);
        out.println("  outputs  " + ProjectHome.display(dir));
        if (chart != null) out.println("  chart    " + ProjectHome.display(chart));
        out.flush();
        return result.windows().size() < planned ? ExitCode.INTERRUPTED : ExitCode.OK;
    }
}
