package io.tradeshell.shell.notebook;

import io.tradeshell.shell.app.ExitCode;
import java.util.List;
import java.util.Optional;

/**
 * A notebook after a run: the result of every cell that ran, in order (cells after a failure
 * are missing unless the run kept going), and how long it all took.
 */
public record NotebookRun(Notebook notebook, List<CellResult> cells, long nanos, long finishedAtMillis) {
    public NotebookRun {
        cells = List.copyOf(cells);
    }

    public Optional<CellResult> result(Notebook.Cell cell) {
        return cells.stream().filter(r -> r.cell().number() == cell.number()).findFirst();
    }

    public List<CellResult> failures() {
        return cells.stream().filter(CellResult::failed).toList();
    }

    /** 0 when every cell ran and none failed; else the first failure's exit code. */
    public int exitCode() {
        return failures().stream().findFirst().map(r -> r.failure().orElseThrow().exitCode()).orElse(ExitCode.OK);
    }

    /** Cells that never ran because an earlier one failed. */
    public int skipped() {
        return notebook.cells().size() - cells.size();
    }
}
