package io.tradeshell.shell.console.commands;

import io.tradeshell.engine.optimize.CalendarPeriod;
import io.tradeshell.shell.app.ClusterOptions;
import io.tradeshell.shell.app.ClusterSweep;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.Optimizer;
import io.tradeshell.engine.optimize.ParamSpace;
import io.tradeshell.engine.optimize.SweepResult;
import io.tradeshell.engine.optimize.WalkForward;
import io.tradeshell.engine.optimize.WalkForwardRequest;
import io.tradeshell.engine.optimize.WalkForwardWindow;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.report.chart.ChartFormat;
import io.tradeshell.shell.app.SweepCharts;
import io.tradeshell.shell.app.SweepOptions;
import io.tradeshell.shell.app.SweepSettings;
import io.tradeshell.shell.app.SweepSetup;
import io.tradeshell.shell.app.SweepTable;
import io.tradeshell.shell.app.WalkForwardTable;
import io.tradeshell.shell.console.session.Workspace;
import io.tradeshell.shell.console.runs.SessionDefaults;
import io.tradeshell.shell.console.sweeps.SweepLauncher;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.runs.StrategyFiles;
import io.tradeshell.shell.console.sweeps.Sweep;
import io.tradeshell.shell.console.sweeps.SweepViews;
import io.tradeshell.shell.console.sweeps.WalkForwardRun;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.app.trading.ProjectHome;
import io.tradeshell.shell.app.trading.RunOptions;
import io.tradeshell.shell.app.trading.RunService;
import io.tradeshell.shell.app.trading.RunSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.utils.AttributedStringBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code optimize} and {@code walkforward} in the console: the headless commands' options and
 * files, and the result kept as a Groovy variable ({@code sweep1}, {@code wf1}) to filter, chart and save.
 */
public final class SweepCommands {
    private SweepCommands() { }

    /** The command line of a sweep, read by the same picocli options as {@code tradeshell optimize}. */
    @CommandLine.Command(name = "optimize")
    static final class OptimizeLine {
        @Parameters(index = "0", paramLabel = "SCRIPT")
        String script;

        @Mixin
        RunOptions options = new RunOptions();

        @Mixin
        SweepOptions sweep = new SweepOptions();

        @Mixin
        ClusterOptions cluster = new ClusterOptions();
    }

    /** The command line of a walk-forward, as {@code tradeshell walkforward} reads it. */
    @CommandLine.Command(name = "walkforward")
    static final class WalkLine {
        @Parameters(index = "0", paramLabel = "SCRIPT")
        String script;

        @Option(names = "--train", required = true, paramLabel = "PERIOD")
        String train;

        @Option(names = "--test", required = true, paramLabel = "PERIOD")
        String test;

        @Option(names = "--anchored")
        boolean anchored;

        @Mixin
        RunOptions options = new RunOptions();

        @Mixin
        SweepOptions sweep = new SweepOptions();

        @Mixin
        ClusterOptions cluster = new ClusterOptions();
    }

    /** A sweep command and what it works with: the scripts, the console's data and settings, and the sweeps it starts. */
    abstract static class SweepCommand extends ConsoleCommand {
        final RunService service;
        final Workspace workspace;
        final SessionDefaults defaults;
        final SweepLauncher sweeps;

        SweepCommand(RunService service, Workspace workspace, SessionDefaults defaults, SweepLauncher sweeps, Output output, Help help) {
            super(output, help);
            this.service = service;
            this.workspace = workspace;
            this.defaults = defaults;
            this.sweeps = sweeps;
        }

        /** The sweep over the console's data, files going to --out or the headless command's default folder. */
        OptimizeRequest request(Path script, RunOptions options, SweepOptions sweep, String kind) {
            ParamSpace space = ParamSpace.parse(options.params);
            service.compile(script);
            // a typo in an option fails before the data is read
            SweepSettings checked = sweep.settings();
            RunSettings settings = options.settings();
            List<DataInput> data = workspace.dataFor(settings);
            Path dir = settings.out().orElseGet(() -> SweepSetup.defaultDir(script, kind));
            return SweepSetup.request(service, script, space, settings, checked, data, Optional.of(dir));
        }

        /** Keeps a result as the next free Groovy variable {@code PREFIX1}, {@code PREFIX2}..., and says how to use it. */
        void keep(String prefix, Object value, String hint) {
            int n = 1;
            while (workspace.groovy().variable(prefix + n).isPresent()) n++;
            String name = prefix + n;
            workspace.groovy().define(name, value);
            out().println(new AttributedStringBuilder().append("  kept as ").append(name, Styles.NAME)
                    .append("   " + hint.replace("%s", name), Styles.DIM).toAttributedString());
        }

        void completeSweep(List<String> args, String partial, List<Candidate> out, Object line) {
            SweepCommands.completeSweep(service, workspace, args, partial, out, line);
        }
    }

    /** {@code optimize SCRIPT -p fast=5..50:5 -p slow=20..100:10 [options]}. */
    public static final class Optimize extends SweepCommand {
        public Optimize(RunService service, Workspace workspace, SessionDefaults defaults, SweepLauncher sweeps, Output output) {
            super(service, workspace, defaults, sweeps, output, new Help("optimize", List.of(), List.of("optimize SCRIPT --param NAME=FROM..TO:STEP... [options]"),
                    "Try every combination of params and rank them (kept as sweepN).",
                    List.of("Like 'tradeshell optimize', files and all. Each --param is a range NAME=FROM..TO:STEP,",
                            "a list NAME=A,B,C or a value NAME=V; --data takes loaded data by name or a file, and",
                            "'set' values apply unless an option says otherwise. The sweep is kept as sweep1,",
                            "sweep2...: sweep1.filter { it.trades >= 5 }, chart sweep1, sweep1.save('runs/x').",
                            "Options: --constraint, --objective, --search, --samples, --threads, --top,",
                            "--min-trades, --resume, --chart-params, --out and those of 'run';",
                            "--cluster HOST:PORT,... runs it on the workers there ('tradeshell worker') and here.",
                            "In Groovy: optimize('sma_crossover', aapl, fast: 5..50, slow: [20, 50])."),
                    List.of("optimize sma_crossover -p fast=5..30:5 -p slow=20..60:10 --constraint 'fast < slow'",
                            "optimize sma_crossover --data aapl -p fast=5,10,20 -p slow=50 --objective calmar")));
        }

        @Override
        protected void run(List<String> args) throws Exception {
            OptimizeLine line = new OptimizeLine();
            CommandLine.ParseResult parsed = parse(line, args);
            defaults.applyTo(line.options, parsed::hasMatchedOption);
            Path script = script(line.script);
            ChartFormat format = SweepCharts.format(line.options.chartFormat);
            OptimizeRequest request = request(script, line.options, line.sweep, "optimize");
            SweepCharts.check(line.sweep.chartParams, request.space().names());
            int planned = Optimizer.plan(request).size();
            Path dir = request.out().orElseThrow();
            out().println(String.format(Locale.ROOT, "%s: %,d combination%s of %s%s, %d thread%s", request.base().script(), planned,
                    planned == 1 ? "" : "s", request.space().ranges().stream().map(Object::toString).reduce((a, b) -> a + " " + b).orElse(""),
                    request.constraint().isNone() ? "" : " where " + request.constraint().text(), request.threads(), request.threads() == 1 ? "" : "s"), Styles.DIM);
            SweepResult result = line.cluster.isSet()
                    ? sweeps.optimize(request, (r, l) -> ClusterSweep.optimize(line.cluster.target(), line.options.settings(), script, r, Optimizer.plan(r), l, out().out()))
                    : sweeps.optimize(request);
            Sweep sweep = new Sweep(result);
            out().println(SweepViews.sweep(sweep, request.top()));
            out().println(String.format(Locale.ROOT, "  %,d combinations in %.2f s (%.1f combinations/s)", result.rows().size() - result.resumed(),
                    result.elapsedNanos() / 1e9, result.combinationsPerSecond()), Styles.DIM);
            write(dir.resolve("top.txt"), SweepTable.render(result, request.top()));
            List<Path> charts = line.options.noCharts ? List.of() : SweepCharts.write(result, dir, format, line.sweep.chartParams);
            out().println("  outputs  " + ProjectHome.display(dir));
            for (Path chart : charts) out().println("  chart    " + ProjectHome.display(chart));
            keep("sweep", sweep, "%s.filter { it.trades >= 5 } · chart %s · %s.save('runs/x')");
        }

        @Override
        public void complete(List<String> args, String partial, List<Candidate> out) {
            completeSweep(args, partial, out, new OptimizeLine());
        }
    }

    /** {@code walkforward SCRIPT -p ... --train 6m --test 1m [--anchored] [options]}. */
    public static final class WalkForwardTest extends SweepCommand {
        public WalkForwardTest(RunService service, Workspace workspace, SessionDefaults defaults, SweepLauncher sweeps, Output output) {
            super(service, workspace, defaults, sweeps, output, new Help("walkforward", List.of(), List.of("walkforward SCRIPT --param ... --train PERIOD --test PERIOD [--anchored] [options]"),
                    "Optimise in sample, trade out of sample, window by window.",
                    List.of("Like 'tradeshell walkforward', with the options of 'optimize'. Windows are calendar",
                            "periods: 10d, 2w, 6m, 1y; --anchored training windows all start at the first bar.",
                            "The walk is kept as wf1, wf2...: wf1.metrics, wf1.windows, chart wf1, wf1.save('x').",
                            "In Groovy: walkforward('sma_crossover', aapl, fast: 5..20, train: '6m', test: '1m')."),
                    List.of("walkforward sma_crossover -p fast=5..20:5 -p slow=20..60:10 --train 6m --test 1m")));
        }

        @Override
        protected void run(List<String> args) throws Exception {
            WalkLine line = new WalkLine();
            CommandLine.ParseResult parsed = parse(line, args);
            defaults.applyTo(line.options, parsed::hasMatchedOption);
            Path script = script(line.script);
            ChartFormat format = SweepCharts.format(line.options.chartFormat);
            CalendarPeriod train = CalendarPeriod.parse(line.train), test = CalendarPeriod.parse(line.test);
            OptimizeRequest sweep = request(script, line.options, line.sweep, "walkforward");
            WalkForwardRequest request = new WalkForwardRequest(sweep, train, test, line.anchored);
            List<WalkForwardWindow> windows = WalkForward.plan(request);
            Path dir = sweep.out().orElseThrow();
            out().println(String.format(Locale.ROOT, "%s: %d %s windows of %s train / %s test, %,d combinations each by %s", sweep.base().script(),
                    windows.size(), line.anchored ? "anchored" : "rolling", train, test, Optimizer.plan(sweep).size(), sweep.objective()), Styles.DIM);
            WalkForwardRun run = new WalkForwardRun(line.cluster.isSet()
                    ? sweeps.walkForward(request, (r, l) -> ClusterSweep.walkForward(line.cluster.target(), line.options.settings(), script, r, l, out().out()))
                    : sweeps.walkForward(request));
            out().println(SweepViews.walkForward(run));
            write(dir.resolve("windows.txt"), WalkForwardTable.render(run.result()));
            Path chart = line.options.noCharts ? null : SweepCharts.walkForward(run.result(), dir, format);
            out().println("  outputs  " + ProjectHome.display(dir));
            if (chart != null) out().println("  chart    " + ProjectHome.display(chart));
            keep("wf", run, "%s.metrics · %s.windows · chart %s");
        }

        @Override
        public void complete(List<String> args, String partial, List<Candidate> out) {
            completeSweep(args, partial, out, new WalkLine());
        }
    }

    private static CommandLine.ParseResult parse(Object line, List<String> args) {
        try {
            return new CommandLine(line).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + " (see 'help " + e.getCommandLine().getCommandName() + "')");
        }
    }

    private static Path script(String name) {
        Path script = StrategyFiles.resolve(name);
        if (!Files.exists(script)) throw new IllegalArgumentException("no strategy script '" + name + "' (see 'strategies')");
        return script;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The options whose values 'run' completes itself. */
    private static final List<String> RUN_VALUE_OPTIONS = List.of("--data", "-p", "--param", "--fill", "--chart-format", "--bar",
            "--stale-after", "--out");

    private static void completeSweep(RunService service, Workspace workspace, List<String> args, String partial, List<Candidate> out, Object line) {
        String previous = args.isEmpty() ? "" : args.get(args.size() - 1);
        switch (previous) {
            case "--objective" -> {
                for (String m : List.of("sharpe", "sortino", "totalReturn", "cagr", "calmar", "profitFactor", "expectancy", "winRate", "maxDrawdown")) {
                    out.add(ConsoleCommand.candidate(m, null));
                }
                return;
            }
            case "--search" -> {
                out.add(ConsoleCommand.candidate("grid", "every combination"));
                out.add(ConsoleCommand.candidate("random", "with --samples"));
                return;
            }
            case "--train", "--test" -> {
                for (String p : List.of("2w", "1m", "3m", "6m", "1y")) out.add(ConsoleCommand.candidate(p, "window"));
                return;
            }
            default -> { }
        }
        RunConsoleCommand.complete(service, workspace, args, partial, out);
        boolean optionsListed = !(args.isEmpty() && !partial.startsWith("-")) && !RUN_VALUE_OPTIONS.contains(previous);
        if (!optionsListed) return;
        List<String> offered = out.stream().map(Candidate::value).toList();
        for (OptionSpec o : new CommandLine(line).getCommandSpec().options()) {
            if (offered.contains(o.longestName())) continue;
            String desc = o.description().length > 0 ? o.description()[0] : null;
            out.add(new Candidate(o.longestName(), o.longestName(), null, desc, null, null, o.arity().max() == 0));
        }
    }
}
