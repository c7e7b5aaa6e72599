package io.tradeshell.shell.cli;

import io.tradeshell.shell.ExitCode;
import io.tradeshell.shell.runs.ProjectHome;
import io.tradeshell.shell.runs.RunOptions;
import io.tradeshell.shell.runs.RunService;
import io.tradeshell.shell.runs.SummaryTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradeshell run SCRIPT}: a backtest written to JSONL files, a summary and charts. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a strategy script as a backtest over history and write its results.",
        footer = {"", "Examples:",
                "  tradeshell run strategies/sma_crossover.groovy",
                "  tradeshell run strategies/sma_crossover.groovy --data data/aapl_daily_2013.csv --param fast=5 --param slow=20 --out runs/sma",
                "  tradeshell run strategies/rsi_mean_reversion.groovy --data BTC=data/btcusd_bitstamp_trades_2013-11-25.csv --bar 15m --lot 0",
                "", "Exit codes: 0 done, 1 script error, 2 bad input (data, option, param), 3 internal error, 130 interrupted."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The strategy script (.groovy).")
    Path script;

    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    private final RunService service;

    public RunCommand(RunService service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path resolved = ProjectHome.resolve(script.toString());
        var outcome = service.backtest(resolved, options, err, Thread.currentThread()::isInterrupted, (bars, time) -> { });
        out.print(SummaryTable.render(outcome.result()));
        out.println("  outputs  " + ProjectHome.display(outcome.dir()));
        for (Path chart : outcome.charts()) out.println("  chart    " + ProjectHome.display(chart));
        out.flush();
        return outcome.result().stoppedEarly() ? ExitCode.INTERRUPTED : ExitCode.OK;
    }
}
