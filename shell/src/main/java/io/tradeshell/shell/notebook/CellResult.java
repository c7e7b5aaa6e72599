package io.tradeshell.shell.notebook;

import java.util.List;
import java.util.Optional;

/** A cell after it ran: its outputs in order, how long it took, and what went wrong if it failed. */
public record CellResult(Notebook.Cell cell, List<CellOutput> outputs, long nanos, Optional<Failure> failure) {
    public CellResult {
        outputs = List.copyOf(outputs);
    }

    /**
     * Why a cell failed.
     *
     * @param line     the notebook line (1-based) of the statement that failed
     * @param exitCode the exit code the failure maps to, as in the console
     */
    public record Failure(int line, String message, int exitCode) { }

    public boolean failed() {
        return failure.isPresent();
    }

    public long images() {
        return outputs.stream().filter(CellOutput.Image.class::isInstance).count();
    }
}
