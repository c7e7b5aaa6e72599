package io.tradeshell.shell.notebook;

import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.console.commands.Completions;
import io.tradeshell.shell.console.commands.ConsoleCommand;
import io.tradeshell.shell.console.groovy.SnippetException;
import io.tradeshell.shell.console.progress.StopSignal;
import io.tradeshell.shell.console.runs.StoppedException;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.app.trading.ProjectHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;

/**
 * {@code notebook FILE [--out DIR] [--keep-going] [--watch]} in the console: runs a notebook in
 * a session of its own (so its report does not depend on this one's state) and writes its report.
 */
public final class NotebookConsoleCommand extends ConsoleCommand {
    private final Path home;
    private final StopSignal stop;

    /** @param home the console's folder; @param stop the console's Ctrl-C */
    public NotebookConsoleCommand(Path home, StopSignal stop, Output output) {
        super(output, new Help("notebook", List.of(), List.of("notebook FILE [--out DIR] [--keep-going] [--watch]"),
                "Run a notebook and write its report as HTML and Markdown.",
                List.of("A notebook is Markdown with groovy and java code cells, run top to bottom in a",
                        "fresh session. The report (default: out/NAME beside the notebook) has each cell's",
                        "output under it: text, tables, charts. A failing cell ends the run unless",
                        "--keep-going; --watch runs it again on each save until Ctrl-C."),
                List.of("notebook notebooks/bitstamp_ticks.md", "notebook notebooks/sma_parameter_study.md --watch")));
        this.home = home;
        this.stop = stop;
    }

    @Override
    protected void run(List<String> args) throws Exception {
        String file = null;
        Path out = null;
        boolean keepGoing = false, watch = false;
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            switch (a) {
                case "--keep-going" -> keepGoing = true;
                case "--watch" -> watch = true;
                case "--out" -> {
                    if (++k >= args.size()) throw usage("--out needs a DIR");
                    out = Path.of(args.get(k));
                }
                default -> {
                    if (a.startsWith("--")) throw usage("unknown option " + a);
                    if (file != null) throw usage("one FILE at a time");
                    file = a;
                }
            }
        }
        if (file == null) throw usage("notebook needs a FILE");
        Path notebook = ProjectHome.resolve(file);
        if (!Files.isRegularFile(notebook)) throw new IllegalArgumentException("no notebook " + file);
        Path dir = out != null ? out : NotebookJob.defaultOut(notebook);
        NotebookJob job = new NotebookJob(home);
        boolean keep = keepGoing;
        // the notebook's own statements stop at Ctrl-C through this flag; no interrupt cuts a run's files short
        stop.runStarted();
        stop.alsoOnStop(job::interrupt);
        try {
            NotebookRun run = job.run(notebook, dir, keep, stop::requested, out()::println).run();
            if (!watch) {
                fail(run);
                return;
            }
            NotebookWatcher.watch(notebook, stop::requested,
                    () -> out().println("watching " + ProjectHome.display(notebook) + " for saves; Ctrl-C stops", Styles.DIM), () -> {
                try {
                    job.run(notebook, dir, keep, stop::requested, out()::println);
                } catch (RuntimeException e) {
                    out().error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            });
            out().println("stopped watching", Styles.DIM);
        } finally {
            stop.runEnded();
        }
    }

    /** A failed cell fails the command, with the exit code the cell's failure has. */
    private static void fail(NotebookRun run) {
        if (run.failures().isEmpty()) return;
        String line = NotebookJob.failureLine(run);
        switch (run.exitCode()) {
            case ExitCode.SCRIPT_ERROR -> throw new SnippetException(line, null);
            case ExitCode.INTERRUPTED -> throw new StoppedException(line);
            default -> throw new IllegalArgumentException(line);
        }
    }

    @Override
    public void complete(List<String> args, String partial, List<Candidate> out) {
        if (partial.startsWith("-")) {
            for (String f : List.of("--out", "--keep-going", "--watch")) out.add(candidate(f, null));
            return;
        }
        if (!args.isEmpty() && args.get(args.size() - 1).equals("--out")) {
            Completions.paths(partial, p -> false, out);
            return;
        }
        Completions.paths(partial, Completions.extensions(".md", ".markdown"), out);
    }
}
