package io.tradeshell.shell.notebook;

import io.tradeshell.shell.app.Errors;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.console.session.ConsoleSettings;
import io.tradeshell.shell.app.trading.ProjectHome;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradeshell notebook notebooks/NAME.md [--out DIR] [--keep-going] [--watch]}: runs a notebook and writes its report. */
@Command(name = "notebook", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a notebook (Markdown with groovy and java cells) in one console session and write its report.",
        footer = {"", "The report is an HTML page and a Markdown copy, each with every cell's output",
                "under it: printed text, tables, and the charts the cell drew (chart(...),",
                "plot(...), the chart command) as images in DIR/images. Groovy cells run line",
                "by line as console input, commands too; java cells run with JShell. A failing",
                "cell shows its error in place and ends the run, unless --keep-going.",
                "", "Examples:",
                "  tradeshell notebook notebooks/bitstamp_ticks.md",
                "  tradeshell notebook notebooks/sma_parameter_study.md --out reports/sma --watch",
                "", "Exit codes: 0 every cell ran, else the first failing cell's: 1 script error,",
                "2 bad input, 3 internal error, 130 interrupted."})
public final class NotebookCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The notebook (.md).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the report goes (default: out/NAME beside the notebook).")
    Path out;

    @Option(names = "--keep-going", description = "Run the cells after a failing one too.")
    boolean keepGoing;

    @Option(names = "--watch", description = "Run again each time the notebook is saved, until Ctrl-C.")
    boolean watch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path notebook = ProjectHome.resolve(file.toString());
        if (!Files.isRegularFile(notebook)) throw new IllegalArgumentException("no notebook " + file);
        Path dir = out != null ? out : NotebookJob.defaultOut(notebook);
        NotebookJob job = new NotebookJob(ConsoleSettings.defaultHome());
        int code = once(job, notebook, dir, o, err);
        if (!watch) return code;
        NotebookWatcher.watch(notebook, () -> false, () -> {
            o.println("watching " + ProjectHome.display(notebook) + " for saves; Ctrl-C stops");
            o.flush();
        }, () -> {
            try {
                once(job, notebook, dir, o, err);
            } catch (RuntimeException e) {
                // a broken save is reported, and the next save tried again
                err.println("error: " + Errors.message(e));
                err.flush();
            }
        });
        return ExitCode.INTERRUPTED;
    }

    private int once(NotebookJob job, Path notebook, Path dir, PrintWriter o, PrintWriter err) {
        NotebookJob.Outcome outcome = job.run(notebook, dir, keepGoing, () -> false, line -> {
            o.println(line);
            o.flush();
        });
        NotebookRun run = outcome.run();
        if (run.failures().isEmpty()) return ExitCode.OK;
        err.println("error: " + NotebookJob.failureLine(run) + (run.failures().size() > 1 ? " (and " + (run.failures().size() - 1) + " more)" : ""));
        err.flush();
        return run.exitCode();
    }
}
