package io.tradeshell.shell.console.session;

import io.tradeshell.engine.data.BarPeriods;
import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.WalkForwardRequest;
import io.tradeshell.shell.app.SweepSetup;
import io.tradeshell.shell.app.trading.DataSpecs;
import io.tradeshell.shell.app.trading.ParityCheck;
import io.tradeshell.shell.app.trading.ProjectHome;
import io.tradeshell.shell.app.trading.RunOptions;
import io.tradeshell.shell.app.trading.RunService;
import io.tradeshell.shell.app.trading.RunSettings;
import io.tradeshell.shell.console.chart.ChartDisplay;
import io.tradeshell.shell.console.chart.ChartRenderer;
import io.tradeshell.shell.console.chart.Figure;
import io.tradeshell.shell.console.data.Dataset;
import io.tradeshell.shell.console.groovy.ScriptHost;
import io.tradeshell.shell.console.modes.Parity;
import io.tradeshell.shell.console.modes.ParityArgs;
import io.tradeshell.shell.console.progress.StopSignal;
import io.tradeshell.shell.console.runs.RunLauncher;
import io.tradeshell.shell.console.runs.SessionDefaults;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.runs.StrategyFiles;
import io.tradeshell.shell.console.sweeps.Sweep;
import io.tradeshell.shell.console.sweeps.SweepArgs;
import io.tradeshell.shell.console.sweeps.SweepLauncher;
import io.tradeshell.shell.console.sweeps.WalkForwardRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Groovy and Java snippets call ({@code load}, {@code backtest}, {@code optimize},
 * {@code parity}, {@code show}): the use cases run over the workspace's data, with the
 * console's {@code set} values under each call's own settings.
 */
public final class ScriptActions implements ScriptHost {
    private final Workspace workspace;
    private final RunService service;
    private final SessionDefaults defaults;
    private final RunLauncher launcher;
    private final SweepLauncher sweeps;
    private final StopSignal stop;
    private final ChartRenderer charts;
    private final ChartDisplay display;
    private final PrintWriter err;

    public ScriptActions(Workspace workspace, RunService service, SessionDefaults defaults, RunLauncher launcher, SweepLauncher sweeps,
            StopSignal stop, ChartRenderer charts, ChartDisplay display, PrintWriter err) {
        this.workspace = workspace;
        this.service = service;
        this.defaults = defaults;
        this.launcher = launcher;
        this.sweeps = sweeps;
        this.stop = stop;
        this.charts = charts;
        this.display = display;
        this.err = err;
    }

    @Override
    public ChartRenderer charts() { return charts; }

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
        return workspace.load(ProjectHome.resolve(file), lo, name);
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
        return launcher.inMemory(path, options, strategyParams, workspace.inputs(data, options));
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
        return SweepSetup.request(service, path, a.space(), options, a.sweep().settings(), workspace.inputs(data, options), Optional.empty());
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
            report = new ParityCheck(service).run(path, options, Optional.empty(), err);
        } finally {
            stop.runEnded();
        }
        var runs = workspace.runs();
        return new Parity(report, runs.add(report.backtest().result(), Optional.empty()), runs.add(report.live().result(), Optional.empty()),
                runs.add(report.paper().result(), Optional.empty()));
    }

    @Override
    public void show(Figure figure) {
        try {
            display.show(figure, ChartDisplay.Mode.AUTO);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart: " + e.getMessage(), e);
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
}
