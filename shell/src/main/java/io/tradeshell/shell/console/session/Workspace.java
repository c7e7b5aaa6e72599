package io.tradeshell.shell.console.session;

import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.SkippedRow;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.shell.app.trading.DataSpecs;
import io.tradeshell.shell.app.trading.ProjectHome;
import io.tradeshell.shell.app.trading.RunSettings;
import io.tradeshell.shell.console.data.Dataset;
import io.tradeshell.shell.console.data.Datasets;
import io.tradeshell.shell.console.groovy.GroovyEvaluator;
import io.tradeshell.shell.console.groovy.ScriptHost;
import io.tradeshell.shell.console.java.JavaEvaluator;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.runs.SessionRuns;
import io.tradeshell.shell.console.view.Output;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jline.utils.WriterOutputStream;

/**
 * What the console holds in memory: the data loaded, the runs made, and the Groovy and Java
 * evaluators whose variables may hold more of both. The evaluators start on first use so the
 * prompt comes up fast.
 */
public final class Workspace {
    private final Output output;
    private final Supplier<ScriptHost> host;
    private final Datasets datasets = new Datasets();
    private final SessionRuns runs = new SessionRuns();
    private volatile GroovyEvaluator groovy;
    private JavaEvaluator javaEvaluator;

    /** @param host what snippets call ({@code load}, {@code backtest}, ...), asked for when an evaluator starts */
    public Workspace(Output output, Supplier<ScriptHost> host) {
        this.output = output;
        this.host = host;
    }

    public SessionRuns runs() { return runs; }

    // ---- evaluators, started on first use -------------------------------------------------

    public GroovyEvaluator groovy() {
        GroovyEvaluator g = groovy;
        if (g != null) return g;
        synchronized (this) {
            if (groovy == null) {
                g = new GroovyEvaluator(host.get(), output.out());
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
        if (javaEvaluator == null) javaEvaluator = new JavaEvaluator(host.get(), new PrintStream(new WriterOutputStream(output.out(), StandardCharsets.UTF_8), true));
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

    // ---- data ------------------------------------------------------------------------------

    /** Loads a file and names it; Groovy sees it under that name. */
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

    /** The given data, or the default data when none is given. */
    public List<DataInput> inputs(List<Dataset> data, RunSettings options) {
        return data.isEmpty() ? defaultData(options) : data.stream().map(Dataset::input).toList();
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
