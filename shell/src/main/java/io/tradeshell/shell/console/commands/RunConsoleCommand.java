package io.tradeshell.shell.console.commands;

import io.tradeshell.engine.run.DataInput;
import io.tradeshell.shell.console.session.Workspace;
import io.tradeshell.shell.console.progress.StopSignal;
import io.tradeshell.shell.console.runs.RunLauncher;
import io.tradeshell.shell.console.runs.SessionDefaults;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.runs.StrategyFiles;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.app.trading.LiveOptions;
import io.tradeshell.shell.app.trading.LiveRuns;
import io.tradeshell.shell.app.trading.ProjectHome;
import io.tradeshell.shell.app.trading.RunOptions;
import io.tradeshell.shell.app.trading.RunService;
import io.tradeshell.shell.app.trading.RunSettings;
import io.tradeshell.shell.app.trading.SummaryTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run SCRIPT [options]}: a backtest with the headless command's options and output files. */
public final class RunConsoleCommand extends ConsoleCommand {
    /** The command line of a run, read by the same picocli options as {@code tradeshell run}. */
    @CommandLine.Command(name = "run")
    static final class Line {
        @Parameters(index = "0", paramLabel = "SCRIPT")
        String script;

        @Mixin
        RunOptions options = new RunOptions();

        @Option(names = "--mode", paramLabel = "MODE", defaultValue = "backtest", description = "backtest (default) or live (a feed replayed on a clock).")
        String mode = "backtest";

        @Mixin
        LiveOptions live = new LiveOptions();
    }

    private final RunService service;
    private final Workspace workspace;
    private final SessionDefaults defaults;
    private final RunLauncher launcher;
    private final StopSignal stop;

    public RunConsoleCommand(RunService service, Workspace workspace, SessionDefaults defaults, RunLauncher launcher, StopSignal stop, Output output) {
        super(output, new Help("run", List.of("backtest"), List.of("run SCRIPT [--data NAME|FILE]... [--param NAME=VALUE]... [options]"),
                "Backtest a script like 'tradeshell run', output files and all.",
                List.of("SCRIPT is a path or a bare name from strategies/. --data takes loaded data by name or a file",
                        "(default data/aapl_daily_2013.csv). The session's 'set' values apply unless an option says otherwise.",
                        "Long runs show progress in the status line; Ctrl-C stops the run and keeps what it did.",
                        "Options: --param, --data, --bar, --fill, --commission, --slippage-bps, --cash, --lot, --lenient,",
                        "--out, --no-charts, --chart-format and the risk limits; 'tradeshell run --help' describes each.",
                        "--mode live [--speed 1x|10x|60x|max] replays the data as a simulated live feed instead."),
                List.of("run strategies/sma_crossover.groovy", "run sma_crossover --param fast=5 --param slow=20",
                        "run rsi_mean_reversion --data aapl --fill close", "backtest macd_trend --cash 50000 --out runs/macd",
                        "run sma_crossover --mode live --speed max --data data/ethusd_5m_2023-03-13.json")));
        this.service = service;
        this.workspace = workspace;
        this.defaults = defaults;
        this.launcher = launcher;
        this.stop = stop;
    }

    @Override
    protected void run(List<String> args) {
        Line line = new Line();
        CommandLine cli = new CommandLine(line);
        CommandLine.ParseResult parsed;
        try {
            parsed = cli.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw usage(e.getMessage());
        }
        Path script = StrategyFiles.resolve(line.script);
        switch (line.mode) {
            case "live" -> live(script, line);
            case "backtest" -> {
                if (parsed.hasMatchedOption("--speed")) throw usage("--speed applies to --mode live; a backtest always goes as fast as it can");
                defaults.applyTo(line.options, parsed::hasMatchedOption);
                backtest(script, line);
            }
            default -> throw usage("unknown --mode '" + line.mode + "' (use backtest or live)");
        }
    }

    /** A simulated live run, as {@code tradeshell run --mode live} makes it; Ctrl-C stops it and keeps what it did. */
    private void live(Path script, Line line) {
        stop.runStarted();
        try {
            var outcome = new LiveRuns(service).run(script, line.options.settings(), line.live.settings(), out().out(), out().err(), stop::requested);
            outcome.result().shortOfWarmup().ifPresent(out()::warning);
            out().print(SummaryTable.withOutputs(outcome));
        } finally {
            stop.runEnded();
        }
    }

    private void backtest(Path script, Line line) {
        if (!Files.exists(script)) throw new IllegalArgumentException("no strategy script '" + line.script + "' (see 'strategies')");
        RunSettings settings = line.options.settings();
        List<DataInput> data = workspace.dataFor(settings);
        SessionRun run = launcher.withOutputs(script, settings, data);
        out().print(SummaryTable.render(run.result()));
        run.dir().ifPresent(d -> out().println("  outputs  " + ProjectHome.display(d)));
        out().println(new org.jline.utils.AttributedStringBuilder().append("  run ").append("#" + run.id(), Styles.NAME)
                .append(run.result().stoppedEarly() ? String.format("  stopped by Ctrl-C after %,d bars; what ran is kept", run.result().bars()) : "")
                .append("   trades " + run.id() + " · metrics " + run.id() + " · chart " + run.id(), Styles.DIM).toAttributedString());
    }

    @Override
    public void complete(List<String> args, String partial, List<Candidate> out) {
        complete(service, workspace, args, partial, out);
    }

    /** Completes a line of {@code run}'s options, also for the commands that take them ({@code optimize}, {@code walkforward}). */
    static void complete(RunService service, Workspace workspace, List<String> args, String partial, List<Candidate> out) {
        if (args.isEmpty() && !partial.startsWith("-")) {
            for (String n : StrategyFiles.names()) out.add(candidate(n, "strategy"));
            Completions.paths(partial, Completions.SCRIPTS, out);
            return;
        }
        String previous = args.isEmpty() ? "" : args.get(args.size() - 1);
        switch (previous) {
            case "--data" -> {
                for (String n : workspace.datasetNames()) out.add(candidate(n, "loaded data"));
                Completions.paths(partial, Completions.DATA_FILES, out);
                return;
            }
            case "-p", "--param" -> {
                if (!args.isEmpty() && !args.get(0).startsWith("-")) params(service, args.get(0), out);
                return;
            }
            case "--fill" -> {
                out.add(candidate("next-open", "realistic"));
                out.add(candidate("close", "optimistic"));
                return;
            }
            case "--chart-format" -> {
                out.add(candidate("png", null));
                out.add(candidate("svg", null));
                return;
            }
            case "--bar", "--stale-after" -> {
                for (String p : List.of("30s", "1m", "5m", "15m", "1h", "1d")) out.add(candidate(p, "period"));
                return;
            }
            case "--out" -> {
                Completions.paths(partial, p -> false, out);
                return;
            }
            default -> { }
        }
        for (OptionSpec o : new CommandLine(new Line()).getCommandSpec().options()) {
            String desc = o.description().length > 0 ? o.description()[0] : null;
            out.add(new Candidate(o.longestName(), o.longestName(), null, desc, null, null, o.arity().max() == 0));
        }
    }

    private static void params(RunService service, String script, List<Candidate> out) {
        try {
            Map<String, Object> defaults = service.compile(StrategyFiles.resolve(script)).defaults();
            for (var e : defaults.entrySet()) {
                out.add(new Candidate(e.getKey() + "=", e.getKey() + "=", null, "default " + e.getValue(), null, null, false));
            }
        } catch (RuntimeException e) {
            // a script that does not load offers no params
        }
    }

    static List<String> optionNames() {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : new CommandLine(new Line()).getCommandSpec().options()) names.addAll(List.of(o.names()));
        return names;
    }
}
