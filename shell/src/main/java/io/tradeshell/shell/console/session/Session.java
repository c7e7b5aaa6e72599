package io.tradeshell.shell.console.session;

import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.SkippedRow;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.WalkForwardRequest;
import io.tradeshell.shell.app.SweepSetup;
import io.tradeshell.shell.console.chart.ChartDisplay;
import io.tradeshell.shell.console.chart.ChartRenderer;
import io.tradeshell.shell.console.chart.Figure;
import io.tradeshell.shell.console.chart.ScreenCharts;
import io.tradeshell.shell.console.sweeps.Sweep;
import io.tradeshell.shell.console.sweeps.SweepArgs;
import io.tradeshell.shell.console.sweeps.SweepLauncher;
import io.tradeshell.shell.console.sweeps.WalkForwardRun;
import io.tradeshell.shell.console.data.Dataset;
import io.tradeshell.shell.console.modes.Parity;
import io.tradeshell.shell.console.modes.ParityArgs;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.app.trading.ParityCheck;
import io.tradeshell.shell.console.data.Datasets;
import io.tradeshell.shell.console.groovy.GroovyEvaluator;
import io.tradeshell.shell.console.groovy.ScriptHost;
import io.tradeshell.shell.console.java.JavaEvaluator;
import io.tradeshell.shell.console.progress.Progress;
import io.tradeshell.shell.console.progress.StopSignal;
import io.tradeshell.shell.console.runs.RunLauncher;
import io.tradeshell.shell.console.runs.SessionDefaults;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.runs.SessionRuns;
import io.tradeshell.shell.console.runs.StrategyFiles;
import io.tradeshell.engine.data.BarPeriods;
import io.tradeshell.shell.app.trading.DataSpecs;
import io.tradeshell.shell.app.trading.ProjectHome;
import io.tradeshell.shell.app.trading.RunOptions;
import io.tradeshell.shell.app.trading.RunSettings;
import io.tradeshell.shell.app.trading.RunService;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One console session: the data loaded, the runs made, the settings chosen, and the Groovy and
 * Java evaluators, started on first use so the prompt comes up fast.
 */
public final class Session implements ScriptHost {
    private final ConsoleSettings settings;
    private final Output output;
    private final Datasets datasets = new Datasets();
    private final SessionRuns runs = new SessionRuns();
    private final SessionDefaults defaults = new SessionDefaults();
    private final RunService service = new RunService();
    private final StopSignal stop = new StopSignal();
    private final RunLauncher launcher;
    private final ChartRenderer charts;
    private final SweepLauncher sweeps;
    private ChartDisplay display;
    private volatile GroovyEvaluator groovy;
    private JavaEvaluator javaEvaluator;
    private Throwable lastError;
    private Language language = Language.GROOVY;
    private boolean echo = true;
    private int exitCode;

    public Session(ConsoleSettings settings, Output output, Progress progress, ChartRenderer charts) {
        this.settings = settings;
        this.output = output;
        this.charts = charts;
        this.launcher = new RunLauncher(service, runs, stop, progress);
        this.sweeps = new SweepLauncher(stop, progress);
        this.display = new ScreenCharts(output, settings.chartDir());
    }

    public ConsoleSettings settings() { return settings; }
    public Output out() { return output; }
    public Datasets datasets() { return datasets; }
    public SessionRuns runs() { return runs; }
    public SessionDefaults defaults() { return defaults; }
    public RunService service() { return service; }
    public RunLauncher launcher() { return launcher; }
    public StopSignal stop() { return stop; }
    @Override
    public ChartRenderer charts() { return charts; }
    public SweepLauncher sweeps() { return sweeps; }

    /** Where charts go: the screen, unless a notebook collects them for its report. */
    public ChartDisplay display() { return display; }
    public void display(ChartDisplay d) { this.display = d; }
    public Language language() { return language; }

    /**
     * Whether assignments and definitions say what they did ({@code x ==> 42}, {@code defined f(a)}):
     * at the console yes; in a notebook's report only printed text and the values of bare expressions show.
     */
    public boolean echo() { return echo; }
    public void echo(boolean on) { this.echo = on; }
    public void language(Language l) { this.language = l; }

    /** The code the console ends with, as {@code exit CODE} set it. */
    public int exitCode() { return exitCode; }
    public void exitCode(int code) { this.exitCode = code; }

    /** The last failure's throwable, for {@code trace}. */
    public Optional<Throwable> lastError() { return Optional.ofNullable(lastError); }
    public void failed(Throwable t) { this.lastError = t; }

    // ---- evaluators, started on first use -------------------------------------------------

    public GroovyEvaluator groovy() {
        GroovyEvaluator g = groovy;
        if (g != null) return g;
        synchronized (this) {
            if (groovy == null) {
                g = new GroovyEvaluator(this, output.out());
                for (Dataset d : datasets.all()) g.define(d.name(), d);
                groovy = g;
            }
            return groovy;
        }
    }

    public boolean groovyStarted() {
        return groovy != null;
    }

    public synchronized JavaEvaluator java() {
        if (javaEvaluator == null) javaEvaluator = new JavaEvaluator(this, new PrintStream(new org.jline.utils.WriterOutputStream(output.out(), java.nio.charset.StandardCharsets.UTF_8), true));
        return javaEvaluator;
    }

    /** Values Java snippets see by name: loaded data, Groovy variables, runs as {@code run1}, {@code run2}. */
    public Map<String, Object> sharedValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Dataset d : datasets.all()) values.put(d.name(), d);
        if (groovyStarted()) values.putAll(groovy.variables());
        for (SessionRun r : runs.all()) values.put("run" + r.id(), r);
        return values;
    }

    // ---- lookups -------------------------------------------------------------------------

    /** Loaded data by name, or a Groovy variable holding loaded data. */
    public Optional<Dataset> dataset(String name) {
        Optional<Dataset> d = datasets.find(name);
        if (d.isPresent() || !groovyStarted()) return d;
        return groovy.variable(name).filter(Dataset.class::isInstance).map(Dataset.class::cast);
    }

    public List<String> datasetNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>(datasets.names());
        if (groovyStarted()) groovy.variables().forEach((k, v) -> { if (v instanceof Dataset) names.add(k); });
        return new ArrayList<>(names);
    }

    /** The run a reference names: {@code 2}, {@code #2}, {@code last}, or a Groovy variable holding a run. */
    public SessionRun run(String ref) {
        Optional<SessionRun> r = runs.find(ref);
        if (r.isEmpty() && groovyStarted()) r = groovy.variable(ref).filter(SessionRun.class::isInstance).map(SessionRun.class::cast);
        return r.orElseThrow(() -> new IllegalArgumentException(runs.all().isEmpty()
                ? "no runs yet: start one with 'run SCRIPT' or backtest(...)"
                : "no run '" + ref + "': this session has #1 to #" + runs.all().size() + " (see 'runs')"));
    }

    /** The last run, for commands whose run is left out. */
    public SessionRun lastRun() {
        return runs.last().orElseThrow(() -> new IllegalArgumentException("no runs yet: start one with 'run SCRIPT' or backtest(...)"));
    }

    public List<String> runRefs() {
        LinkedHashSet<String> refs = new LinkedHashSet<>();
        for (SessionRun r : runs.all()) refs.add(String.valueOf(r.id()));
        if (groovyStarted()) groovy.variables().forEach((k, v) -> { if (v instanceof SessionRun) refs.add(k); });
        return new ArrayList<>(refs);
    }

    // ---- what snippets and commands do ----------------------------------------------------

    @Override
    public Dataset load(String file, Map<String, ?> options) {
        LoadOptions lo = LoadOptions.defaults();
        Optional<String> name = Optional.empty();
        for (var e : options.entrySet()) {
            String v = String.valueOf(e.getValue());
            switch (e.getKey()) {
                case "symbol" -> lo = lo.withSymbol(v);
                case "bar" -> lo = lo.withBarPeriod(BarPeriods.parse(v));
                case "lenient" -> lo = lo.withLenient(Boolean.parseBoolean(v));
                case "name", "as" -> name = Optional.of(v);
                default -> throw new IllegalArgumentException("load takes symbol:, bar:, lenient: and name:, not " + e.getKey() + ":");
            }
        }
        return load(ProjectHome.resolve(file), lo, name);
    }

    @Override
    public List<Dataset> loadAll(String files, Map<String, ?> options) {
        if (options.containsKey("symbol") || options.containsKey("name") || options.containsKey("as")) {
            throw new IllegalArgumentException("loadAll names each dataset after its file's symbol: it takes bar: and lenient:");
        }
        List<Dataset> out = new ArrayList<>();
        for (DataSpecs.Spec spec : DataSpecs.expand(List.of(files))) out.add(load(spec.file().toString(), options));
        return out;
    }

    /** Loads a file into the session and names it; Groovy sees it under that name. */
    public Dataset load(Path file, LoadOptions options, Optional<String> name) {
        Dataset d = datasets.load(file, options, name);
        List<SkippedRow> skipped = d.loaded().skipped();
        if (!skipped.isEmpty()) {
            output.warning(ProjectHome.display(file) + ": skipped " + skipped.size() + " bad row(s), first at line "
                    + skipped.get(0).line() + ": " + skipped.get(0).reason());
        }
        if (groovyStarted()) groovy.define(d.name(), d);
        return d;
    }

    @Override
    public SessionRun backtest(String script, Map<String, ?> params, List<Dataset> data) {
        Path path = StrategyFiles.resolve(script);
        Map<String, Object> declared = service.compile(path).defaults();
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, Object> strategyParams = new LinkedHashMap<>();
        for (var e : params.entrySet()) {
            if (!declared.containsKey(e.getKey()) && SessionDefaults.Setting.find(e.getKey()).isPresent()) settings.put(e.getKey(), e.getValue());
            else strategyParams.put(e.getKey(), e.getValue());
        }
        RunSettings options = optionsWith(settings).settings();
        return launcher.inMemory(path, options, strategyParams, inputs(data, options));
    }

    @Override
    public Sweep optimize(String script, Map<String, ?> args, List<Dataset> data) {
        Path path = StrategyFiles.resolve(script);
        SweepArgs a = SweepArgs.read(args, service.compile(path).defaults(), ProjectHome.display(path), false);
        return new Sweep(sweeps.optimize(sweepRequest(path, a, data)));
    }

    @Override
    public WalkForwardRun walkforward(String script, Map<String, ?> args, List<Dataset> data) {
        Path path = StrategyFiles.resolve(script);
        SweepArgs a = SweepArgs.read(args, service.compile(path).defaults(), ProjectHome.display(path), true);
        SweepArgs.Walk w = a.walk().orElseThrow();
        return new WalkForwardRun(sweeps.walkForward(new WalkForwardRequest(sweepRequest(path, a, data), w.train(), w.test(), w.anchored())));
    }

    /** The sweep a notebook or console call asks for, with the session's settings under its own. */
    private OptimizeRequest sweepRequest(Path path, SweepArgs a, List<Dataset> data) {
        RunSettings options = optionsWith(a.settings()).settings();
        return SweepSetup.request(service, path, a.space(), options, a.sweep().settings(), inputs(data, options), Optional.empty());
    }

    @Override
    public Parity parity(String script, Map<String, ?> args, List<Dataset> data) {
        Path path = StrategyFiles.resolve(script);
        ParityArgs a = ParityArgs.read(args, data, service.compile(path).defaults(), ProjectHome.display(path));
        RunOptions given = optionsWith(a.settings());
        a.applyTo(given);
        RunSettings options = given.settings();
        ParityCheck.Report report;
        stop.runStarted();
        try {
            report = new ParityCheck(service).run(path, options, Optional.empty(), output.err());
        } finally {
            stop.runEnded();
        }
        return new Parity(report, runs.add(report.backtest().result(), Optional.empty()), runs.add(report.live().result(), Optional.empty()),
                runs.add(report.paper().result(), Optional.empty()));
    }

    @Override
    public void show(Figure figure) {
        try {
            display.show(figure, ChartDisplay.Mode.AUTO);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the chart: " + e.getMessage(), e);
        }
    }

    /** The session's run settings, with {@code settings} (cash, commission, slippage, fill) given in a snippet on top. */
    private RunOptions optionsWith(Map<String, Object> settings) {
        RunOptions options = defaults.options();
        for (var e : settings.entrySet()) {
            SessionDefaults.Setting setting = SessionDefaults.Setting.find(e.getKey()).orElseThrow();
            SessionDefaults probe = new SessionDefaults();
            probe.set(setting, String.valueOf(e.getValue()));
            probe.applyTo(options, o -> !o.equals(setting.option));
        }
        return options;
    }

    private List<DataInput> inputs(List<Dataset> data, RunSettings options) {
        return data.isEmpty() ? defaultData(options) : data.stream().map(Dataset::input).toList();
    }

    /** The data of a run: loaded data by name, or files as the headless command reads them. */
    public List<DataInput> dataFor(RunSettings options) {
        if (options.data().isEmpty()) return defaultData(options);
        List<DataInput> out = new ArrayList<>();
        for (String spec : options.data()) {
            Optional<Dataset> loaded = spec.contains("=") || spec.contains("/") ? Optional.empty() : dataset(spec);
            if (loaded.isPresent()) out.add(loaded.get().input());
            else out.addAll(DataSpecs.load(List.of(resolvedSpec(spec)), options.lenient(), options.barPeriod(), output.err()));
        }
        return out;
    }

    private static String resolvedSpec(String spec) {
        DataSpecs.Spec s = DataSpecs.Spec.parse(spec);
        String file = ProjectHome.resolve(s.file().toString()).toString();
        return s.symbol().map(sym -> sym + "=" + file).orElse(file);
    }

    private List<DataInput> defaultData(RunSettings options) {
        return DataSpecs.load(options.dataOrDefault(ProjectHome.get()), options.lenient(), options.barPeriod(), output.err());
    }
}
