package io.tradeshell.shell.notebook;

import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.console.Console;
import io.tradeshell.shell.console.ConsoleErrors;
import io.tradeshell.shell.console.session.ConsoleSettings;
import io.tradeshell.shell.console.session.Language;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.session.Statements;
import io.tradeshell.shell.console.chart.ReportCharts;
import io.tradeshell.shell.console.progress.Progress;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jline.shell.ExitShellException;
import org.jline.utils.WriterOutputStream;

/**
 * Runs a notebook's cells top to bottom in one console session, so data, runs, sweeps and
 * variables carry from cell to cell. Each statement runs as if typed at the console; the text it
 * prints, and the charts it draws, become the cell's outputs. A failing statement ends its cell,
 * and the run too unless it keeps going.
 */
public final class NotebookRunner {
    /** Told as cells start and finish, to show how a run goes. */
    public interface Listener {
        Listener NONE = new Listener() { };

        default void started(Notebook.Cell cell) { }

        default void finished(CellResult result) { }
    }

    private final Path home;
    private volatile Console running;

    /** @param home the console folder the session uses for its settings */
    public NotebookRunner(Path home) {
        this.home = home;
    }

    /**
     * Runs the notebook, saving charts into {@code images}.
     *
     * @param stop polled between statements: true ends the run, the cell running then failing as stopped
     */
    public NotebookRun run(Notebook notebook, Path images, boolean keepGoing, BooleanSupplier stop, Listener listener) {
        CellCapture capture = new CellCapture();
        PrintWriter writer = new PrintWriter(capture, true);
        int[] current = {0};
        Console console = new Console(new ConsoleSettings(home, false), Output.captured(writer, capture), Progress.NONE,
                new ReportCharts(), null);
        console.display().use(new NotebookCharts(images, capture, () -> current[0]));
        console.session().echo(false);
        running = console;
        PrintStream stream = new PrintStream(new WriterOutputStream(capture, StandardCharsets.UTF_8), true, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        List<CellResult> results = new ArrayList<>();
        for (Notebook.Cell cell : notebook.cells()) {
            if (stop.getAsBoolean()) break;
            current[0] = cell.number();
            listener.started(cell);
            long t0 = System.nanoTime();
            Optional<CellResult.Failure> failure = run(console, cell, stream, stop);
            stream.flush();
            writer.flush();
            CellResult result = new CellResult(cell, capture.take(), System.nanoTime() - t0, failure);
            results.add(result);
            listener.finished(result);
            if (failure.isPresent() && !keepGoing) break;
        }
        running = null;
        return new NotebookRun(notebook, results, System.nanoTime() - started, System.currentTimeMillis());
    }

    /** Ctrl-C: stops the statement running now (a backtest at its next bar, a loop at once), as the console would. */
    public void interrupt() {
        Console c = running;
        if (c != null) c.stop().fire();
    }

    private static Optional<CellResult.Failure> run(Console console, Notebook.Cell cell, PrintStream stream, BooleanSupplier stop) {
        PrintStream out = System.out, err = System.err;
        // a snippet may print with System.out (Java always does): that is the cell's output too
        System.setOut(stream);
        System.setErr(stream);
        int line = cell.firstLine();
        try {
            if (cell.language() == Language.JAVA) {
                return failure(console, line, console.dispatcher().runStatement("/java\n" + cell.code()));
            }
            for (Statements.Statement s : Statements.fromLines(cell.code().lines().toList())) {
                line = cell.firstLine() + s.line() - 1;
                if (stop.getAsBoolean()) return Optional.of(new CellResult.Failure(line, "stopped (Ctrl-C)", ExitCode.INTERRUPTED));
                Optional<CellResult.Failure> f = failure(console, line, console.dispatcher().runStatement(s.text()));
                if (f.isPresent()) return f;
            }
            return Optional.empty();
        } catch (ExitShellException e) {
            return Optional.of(new CellResult.Failure(line, "'exit' ends the notebook here", e.getExitCode() == 0 ? ExitCode.BAD_INPUT : e.getExitCode()));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static Optional<CellResult.Failure> failure(Console console, int line, int code) {
        if (code == ExitCode.OK) return Optional.empty();
        String message = console.session().lastError().map(ConsoleErrors::message).orElse("failed");
        return Optional.of(new CellResult.Failure(line, message, code));
    }
}
