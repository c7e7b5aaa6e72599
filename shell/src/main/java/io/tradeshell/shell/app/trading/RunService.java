package io.tradeshell.shell.app.trading;

import io.tradeshell.dsl.CompiledScript;
import io.tradeshell.dsl.ScriptClassCache;
import io.tradeshell.dsl.StrategyCompiler;
import io.tradeshell.engine.journal.RunOutputWriter;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.TradingLoop;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.report.chart.Overlay;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs a strategy script as the headless command and the console both do: compile (once per
 * script), load the data, run, write the outputs and charts. Errors surface as the exceptions of
 * their kind (script, data, option), which callers turn into one line and an exit code.
 */
public final class RunService {
    /** Made on first use: creating it starts Groovy, which the console's prompt should not wait for. */
    private StrategyCompiler compiler;
    /** Whether scripts compile outside the sandbox ({@code --trust}), and each block's time budget. */
    private boolean trust;
    private java.time.Duration barBudget = StrategyCompiler.parseBarBudget("1s");
    /** Compiled scripts by file, recompiled when the file changes. */
    private final Map<Path, Compiled> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    private record Compiled(CompiledScript script, long modified) { }

    /** A finished run and where its files went. */
    public record Outcome(RunResult result, Path dir, List<Path> charts) { }

    public CompiledScript compile(Path script) {
        Path key = script.toAbsolutePath().normalize();
        long modified = key.toFile().lastModified();
        Compiled c = compiled.get(key);
        if (c != null && c.modified() == modified) return c.script();
        CompiledScript fresh = compiler().compile(script);
        compiled.put(key, new Compiled(fresh, modified));
        return fresh;
    }

    public synchronized StrategyCompiler compiler() {
        if (compiler == null) compiler = StrategyCompiler.of(trust).withBarBudget(barBudget).withCache(ScriptClassCache.standard());
        return compiler;
    }

    /**
     * Sets how scripts compile from now on: in the sandbox or trusted, and the time each block may
     * take per bar. A change drops the scripts compiled the other way.
     */
    public synchronized void sandbox(boolean trust, java.time.Duration barBudget) {
        if (trust == this.trust && barBudget.equals(this.barBudget)) return;
        this.trust = trust;
        this.barBudget = barBudget;
        this.compiler = null;
        compiled.clear();
    }

    /** Whether scripts now compile outside the sandbox. */
    public synchronized boolean trusted() {
        return trust;
    }

    /** Takes the sandbox settings of a command's options. */
    public void sandbox(RunSettings options) {
        sandbox(options.trust(), options.barBudget());
    }

    /** Builds the run's spec from the options; loads the data. */
    public RunSpec spec(Path script, RunSettings options, Map<String, ?> extraParams, List<DataInput> data) {
        sandbox(options);
        CompiledScript c = compile(script);
        Map<String, Object> params = new java.util.LinkedHashMap<>(options.paramOverrides());
        params.putAll(extraParams);
        StrategyFactory factory = c.withParams(params, options.models());
        return new RunSpec(ProjectHome.display(script), factory, data, options.execution(), options.cash(), options.risk(), options.lot(),
                options.exits());
    }

    public List<DataInput> loadData(RunSettings options, PrintWriter err) {
        List<String> specs = new ArrayList<>();
        for (String s : options.dataOrDefault(ProjectHome.get())) specs.add(s);
        return DataSpecs.load(specs, options.lenient(), options.barPeriod(), err);
    }

    /** A backtest with every output file written into {@code dir} (or the default run folder). */
    public Outcome backtest(Path script, RunSettings options, PrintWriter err, BooleanSupplier stop,
                            TradingLoop.ProgressListener progress) {
        PhaseTimes.mark("started");
        // The script compiles on a second core while the data loads; its errors still come after the data's.
        sandbox(options);
        Background<CompiledScript> compiling = Background.start("compile " + script.getFileName(), () -> compile(script));
        List<DataInput> data;
        try {
            data = loadData(options, err);
        } finally {
            compiling.settle();
        }
        PhaseTimes.mark("data loaded");
        return backtest(script, options, data, stop, progress);
    }

    /** A backtest over data already loaded, with every output file written. */
    public Outcome backtest(Path script, RunSettings options, List<DataInput> data, BooleanSupplier stop,
                            TradingLoop.ProgressListener progress) {
        RunSpec spec = spec(script, options, Map.of(), data);
        PhaseTimes.mark("script compiled");
        Path dir = options.out().orElseGet(() -> defaultDir(script));
        RunOutputWriter writer = new RunOutputWriter(dir, false);
        TradingLoop loop = Backtest.loop(spec, writer).onStopRequest(stop).onProgress(progress);
        RunResult result;
        try {
            result = loop.run();
        } catch (RuntimeException e) {
            writer.abandon();   // a script error or a full disk: no half-written files left to look whole
            throw e;
        }
        PhaseTimes.mark("run and files done");
        // Charts are drawn while the overlays are written: the two read the finished run and nothing else,
        // and share one copy of the overlays' columns.
        List<Overlay> overlays = RunCharts.overlays(loop);
        Background<List<Path>> charts = Background.start("charts",
                () -> options.chartFormat().map(f -> RunCharts.write(result, loop, overlays, dir, f)).orElse(List.of()));
        try {
            RunCharts.writeOverlays(overlays, dir);
        } finally {
            charts.settle();
        }
        PhaseTimes.mark("charts done");
        return new Outcome(result, dir, charts.join());
    }

    /** A backtest kept in memory only: no files, no charts (the console's {@code backtest(...)}). */
    public RunResult backtestInMemory(RunSpec spec, BooleanSupplier stop, TradingLoop.ProgressListener progress) {
        return inMemoryLoop(spec).onStopRequest(stop).onProgress(progress).run();
    }

    /** The loop of a backtest that records nothing outside memory, for callers that look at it after it ran. */
    public TradingLoop inMemoryLoop(RunSpec spec) {
        return Backtest.loop(spec, io.tradeshell.engine.run.RunRecorder.NONE);
    }

    public static Path defaultDir(Path script) {
        String name = script.getFileName().toString().replaceFirst("\\.groovy$", "");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        return Path.of("runs", name + "-" + stamp);
    }
}
