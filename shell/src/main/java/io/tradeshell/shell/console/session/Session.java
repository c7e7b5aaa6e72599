package io.tradeshell.shell.console.session;

import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.shell.console.chart.ChartDisplay;
import io.tradeshell.shell.console.chart.ChartRenderer;
import io.tradeshell.shell.console.chart.Figure;
import io.tradeshell.shell.console.chart.ScreenCharts;
import io.tradeshell.shell.console.chart.SwitchedDisplay;
import io.tradeshell.shell.console.sweeps.Sweep;
import io.tradeshell.shell.console.sweeps.SweepLauncher;
import io.tradeshell.shell.console.sweeps.WalkForwardRun;
import io.tradeshell.shell.console.data.Dataset;
import io.tradeshell.shell.console.modes.Parity;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.groovy.GroovyEvaluator;
import io.tradeshell.shell.console.groovy.ScriptHost;
import io.tradeshell.shell.console.java.JavaEvaluator;
import io.tradeshell.shell.console.progress.Progress;
import io.tradeshell.shell.console.progress.StopSignal;
import io.tradeshell.shell.console.runs.RunLauncher;
import io.tradeshell.shell.console.runs.SessionDefaults;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.runs.SessionRuns;
import io.tradeshell.shell.app.trading.RunSettings;
import io.tradeshell.shell.app.trading.RunService;
import java.nio.file.Path;
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
    private final SessionDefaults defaults = new SessionDefaults();
    private final RunService service = new RunService();
    private final StopSignal stop = new StopSignal();
    private final Workspace workspace;
    private final ScriptActions actions;
    private final RunLauncher launcher;
    private final ChartRenderer charts;
    private final SweepLauncher sweeps;
    private final SwitchedDisplay display;
    private Throwable lastError;
    private Language language = Language.GROOVY;
    private boolean echo = true;
    private int exitCode;

    public Session(ConsoleSettings settings, Output output, Progress progress, ChartRenderer charts) {
        this.settings = settings;
        this.output = output;
        this.charts = charts;
        this.workspace = new Workspace(output, () -> this);
        this.launcher = new RunLauncher(service, workspace.runs(), stop, progress);
        this.sweeps = new SweepLauncher(stop, progress);
        this.display = new SwitchedDisplay(new ScreenCharts(output, settings.chartDir()));
        this.actions = new ScriptActions(workspace, service, defaults, launcher, sweeps, stop, charts, display, output.err());
    }

    public ConsoleSettings settings() { return settings; }
    public Output out() { return output; }
    public Workspace workspace() { return workspace; }
    public SessionRuns runs() { return workspace.runs(); }
    public SessionDefaults defaults() { return defaults; }
    public RunService service() { return service; }
    public RunLauncher launcher() { return launcher; }
    public StopSignal stop() { return stop; }
    @Override
    public ChartRenderer charts() { return charts; }
    public SweepLauncher sweeps() { return sweeps; }

    /** Where charts go: the screen, unless a notebook collects them for its report. */
    public ChartDisplay display() { return display; }
    public void display(ChartDisplay d) { display.use(d); }
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

    public GroovyEvaluator groovy() { return workspace.groovy(); }
    public boolean groovyStarted() { return workspace.groovyStarted(); }
    public JavaEvaluator java() { return workspace.java(); }
    public Map<String, Object> sharedValues() { return workspace.sharedValues(); }
    public Optional<Dataset> dataset(String name) { return workspace.dataset(name); }
    public List<String> datasetNames() { return workspace.datasetNames(); }
    public SessionRun run(String ref) { return workspace.run(ref); }
    public SessionRun lastRun() { return workspace.lastRun(); }
    public List<String> runRefs() { return workspace.runRefs(); }
    public Dataset load(Path file, LoadOptions options, Optional<String> name) { return workspace.load(file, options, name); }
    public List<DataInput> dataFor(RunSettings options) { return workspace.dataFor(options); }

    @Override
    public Dataset load(String file, Map<String, ?> options) { return actions.load(file, options); }
    @Override
    public List<Dataset> loadAll(String files, Map<String, ?> options) { return actions.loadAll(files, options); }
    @Override
    public SessionRun backtest(String script, Map<String, ?> params, List<Dataset> data) { return actions.backtest(script, params, data); }
    @Override
    public Sweep optimize(String script, Map<String, ?> args, List<Dataset> data) { return actions.optimize(script, args, data); }
    @Override
    public WalkForwardRun walkforward(String script, Map<String, ?> args, List<Dataset> data) { return actions.walkforward(script, args, data); }
    @Override
    public Parity parity(String script, Map<String, ?> args, List<Dataset> data) { return actions.parity(script, args, data); }
    @Override
    public void show(Figure figure) { actions.show(figure); }
}
