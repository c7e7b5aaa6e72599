package io.tradeshell.shell.console.commands;

import io.tradeshell.shell.console.session.Workspace;
import io.tradeshell.shell.console.chart.ChartDisplay;
import io.tradeshell.shell.console.chart.ChartRenderer;
import io.tradeshell.shell.console.chart.ChartKind;
import io.tradeshell.shell.console.chart.Figure;
import io.tradeshell.shell.console.chart.Figures;
import io.tradeshell.shell.console.chart.RunFigure;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.sweeps.Sweep;
import io.tradeshell.shell.console.sweeps.WalkForwardRun;
import io.tradeshell.shell.console.view.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.Candidate;

/** {@code chart [RUN] [price|equity|drawdown]}, {@code chart SWEEP [X [Y]]}: a PNG file, shown in the terminal when it can show images. */
public final class ChartCommand extends ConsoleCommand {
    private static final List<String> FLAGS = List.of("--window", "--text");

    private final Workspace workspace;
    private final ChartRenderer charts;
    private final ChartDisplay display;

    public ChartCommand(Workspace workspace, ChartRenderer charts, ChartDisplay display, Output output) {
        super(output, new Help("chart", List.of(), List.of("chart [RUN] [price|equity|drawdown] [--window] [--text]",
                        "chart SWEEP [X [Y]]", "chart WALKFORWARD"),
                "A run's or a sweep's chart, as PNG and on screen.",
                List.of("The chart shows inline in terminals that display images (sixel, kitty, iTerm2), as text otherwise.",
                        "--window opens the PNG in the desktop's viewer when there is a display; --text forces the text chart.",
                        "Charts of 'run' go to the run's folder, those of backtest(...) to the console's charts folder.",
                        "A sweep (from optimize) draws a heatmap over two params or a line over one."),
                List.of("chart", "chart 1 price", "chart bt drawdown", "chart 2 equity --window", "chart sweep1 fast slow")));
        this.workspace = workspace;
        this.charts = charts;
        this.display = display;
    }

    @Override
    protected void run(List<String> args) throws Exception {
        Object target = null;
        List<String> words = new ArrayList<>();
        ChartDisplay.Mode mode = ChartDisplay.Mode.AUTO;
        for (String a : args) {
            if (a.equals("--window")) mode = ChartDisplay.Mode.WINDOW;
            else if (a.equals("--text")) mode = ChartDisplay.Mode.TEXT;
            else if (a.startsWith("--")) throw usage("unknown option " + a);
            else if (target == null && words.isEmpty() && ChartKind.find(a).isEmpty()) target = target(a);
            else words.add(a);
        }
        if (target == null) target = workspace.lastRun();
        Figure figure;
        if (target instanceof SessionRun run) {
            if (words.size() > 1 || (words.size() == 1 && ChartKind.find(words.get(0)).isEmpty())) {
                throw usage("'" + String.join(" ", words) + "' is not one of price, equity or drawdown");
            }
            figure = new RunFigure(run, words.isEmpty() ? ChartKind.EQUITY : ChartKind.find(words.get(0)).orElseThrow(), charts);
        } else {
            List<Object> all = new ArrayList<>();
            all.add(target);
            all.addAll(words);
            figure = Figures.chart(charts, Map.of(), all.toArray());
        }
        display.show(figure, mode);
    }

    /** A run by reference, or a Groovy variable holding a sweep or a walk-forward. */
    private Object target(String ref) {
        Optional<Object> v = workspace.groovyStarted() ? workspace.groovy().variable(ref) : Optional.empty();
        if (v.isPresent() && (v.get() instanceof Sweep || v.get() instanceof WalkForwardRun)) return v.get();
        return workspace.run(ref);
    }

    @Override
    public void complete(List<String> args, String partial, List<Candidate> out) {
        if (partial.startsWith("-")) {
            for (String f : FLAGS) out.add(candidate(f, f.equals("--window") ? "open in a window" : "text chart"));
            return;
        }
        for (ChartKind k : ChartKind.values()) out.add(candidate(k.key(), k.meaning()));
        if (args.isEmpty()) {
            RunCommands.runRefs(workspace, out);
            if (workspace.groovyStarted()) {
                workspace.groovy().variables().forEach((k, v) -> {
                    if (v instanceof Sweep) out.add(candidate(k, "sweep"));
                    else if (v instanceof WalkForwardRun) out.add(candidate(k, "walk-forward"));
                });
            }
        }
    }
}
