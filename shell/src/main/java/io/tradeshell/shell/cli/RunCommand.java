package io.tradeshell.shell.cli;

import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.app.trading.LiveOptions;
import io.tradeshell.shell.app.trading.LiveRuns;
import io.tradeshell.shell.app.trading.ProjectHome;
import io.tradeshell.shell.app.trading.RunOptions;
import io.tradeshell.shell.app.trading.RunService;
import io.tradeshell.shell.app.trading.SummaryTable;
import java.io.PrintWriter;
import io.tradeshell.brokers.Credentials;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tradeshell run SCRIPT}: a backtest, or with {@code --mode live} the same script on a
 * feed replayed on a clock; either way written to JSONL files, a summary and charts.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a strategy script as a backtest over history, or on a simulated live feed (--mode live), and write its results.",
                "A live run replays bars, or trades aggregated into bars as they arrive, on a clock; the strategy gets each bar when it closes"
                        + " (and each trade in onTick); fills come from the same simulated broker; the output files are flushed line by line"
                        + " so another process can tail them. On bar data at --speed max it makes exactly the backtest's trades."},
        footer = {"", "Examples:",
                "  tradeshell run strategies/sma_crossover.groovy",
                "  tradeshell run strategies/sma_crossover.groovy --data data/aapl_daily_2013.csv --param fast=5 --param slow=20 --out runs/sma",
                "  tradeshell run strategies/rsi_mean_reversion.groovy --data BTC=data/btcusd_bitstamp_trades_2013-11-25.csv --bar 15m --lot 0",
                "  tradeshell run strategies/sma_crossover.groovy --mode live --speed max",
                "  tradeshell run strategies/sma_crossover.groovy --mode live --feed alpaca --symbols AAPL   (live prices, simulated fills; orders to a broker: paper start --broker)",
                "  tradeshell run strategies/rsi_mean_reversion.groovy --mode live --data data/btcusd_bitstamp_trades_2013-11-25.csv --bar 1m --speed 60x --lot 0",
                "", "Exit codes: 0 done, 1 script error, 2 bad input (data, option, param), 3 internal error, 130 interrupted."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The strategy script (.groovy).")
    Path script;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "backtest",
            description = "backtest (default: history as fast as it can go) or live (a feed replayed on a clock).")
    String mode = "backtest";

    @Mixin
    RunOptions options;

    @Mixin
    LiveOptions live;

    @Mixin
    FeedOptions feed;

    @Option(names = "--credentials", paramLabel = "FILE", description = "With --feed: a private file of NAME=value lines with the broker's keys (the environment wins).")
    Path credentials;

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
        if (feed.given()) return onLiveFeed(resolved, out, err);
        return switch (mode) {
            case "backtest" -> {
                if (spec.commandLine().getParseResult().hasMatchedOption("--speed")) {
                    throw new IllegalArgumentException("--speed applies to --mode live; a backtest always goes as fast as it can");
                }
                yield report(service.backtest(resolved, options.settings(), err, Thread.currentThread()::isInterrupted, (bars, time) -> { }), out, err);
            }
            case "live" -> {
                // the summary is printed before the stop is released: on Ctrl-C the JVM exits as soon as it is
                try (var stop = StopOnShutdown.install()) {
                    yield report(new LiveRuns(service).run(resolved, options.settings(), live.settings(), out, err, stop), out, err);
                }
            }
            default -> throw new IllegalArgumentException("unknown --mode '" + mode + "' (use backtest or live)");
        };
    }

    /** {@code --mode live --feed alpaca|oanda}: the script on live prices, against the simulated broker, until Ctrl-C. */
    private int onLiveFeed(Path resolved, PrintWriter out, PrintWriter err) {
        if (!"live".equals(mode)) throw new IllegalArgumentException("--feed " + feed.feed + " trades on live prices: add --mode live");
        feed.refuseSpeed(spec.commandLine().getParseResult());
        try (var stop = StopOnShutdown.install();
             var prices = feed.open(Credentials.from(System.getenv(), Optional.ofNullable(credentials)), options.settings().barPeriod(), out)) {
            out.println(prices.describe());
            return report(new LiveRuns(service).run(resolved, options.settings(), live.settings(), prices, out, err, stop), out, err);
        }
    }

    private static int report(RunService.Outcome outcome, PrintWriter out, PrintWriter err) {
        outcome.result().shortOfWarmup().ifPresent(w -> {
            err.println("warning: " + w);
            err.flush();
        });
        out.print(SummaryTable.withOutputs(outcome));
        out.flush();
        return outcome.result().stoppedEarly() ? ExitCode.INTERRUPTED : ExitCode.OK;
    }
}
