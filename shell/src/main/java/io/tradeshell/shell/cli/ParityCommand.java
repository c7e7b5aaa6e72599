package io.tradeshell.shell.cli;

import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.app.trading.ParityCheck;
import io.tradeshell.shell.app.trading.ProjectHome;
import io.tradeshell.shell.app.trading.RunOptions;
import io.tradeshell.shell.app.trading.RunService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradeshell parity SCRIPT}: one script as a backtest, a live run and a paper session, trade by trade. */
@Command(name = "parity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a script as a backtest, a simulated live run (at max speed) and a paper session on the same data,"
                + " then compare their trades one by one and label every difference with its cause:"
                + " fill timing, partial fill, latency, rejection, risk denial or warm-up.",
                "The paper realism options (--latency-ms, --volume-share, --reject-prob) apply to the paper session only;"
                        + " with them off the three modes make the same trades."},
        footer = {"", "Examples:",
                "  tradeshell parity strategies/sma_crossover.groovy",
                "  tradeshell parity strategies/rsi_mean_reversion.groovy --latency-ms 86400000 --reject-prob 0.2 --seed 7",
                "  tradeshell parity strategies/sma_crossover.groovy --data data/btcusd_bitstamp_trades_2013-11-25.csv --bar 5m --lot 0 --out runs/parity"})
public final class ParityCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT") Path script;

    @Mixin RunOptions options;

    @Spec CommandSpec spec;

    private final RunService service;

    public ParityCommand(RunService service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var report = new ParityCheck(service).run(ProjectHome.resolve(script.toString()), options.settings(), Optional.ofNullable(options.out),
                spec.commandLine().getErr());
        out.print(ParityCheck.render(report));
        out.flush();
        return ExitCode.OK;
    }
}
