package io.tradeshell.engine.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Decides what a bad row does: fail the load, or (lenient) be skipped and listed. */
final class RowProblems {
    private final Path file;
    private final boolean lenient;
    private final List<SkippedRow> skipped = new ArrayList<>();

    RowProblems(Path file, boolean lenient) {
        this.file = file;
        this.lenient = lenient;
    }

    /** A bad row: fails when strict, is remembered as skipped when lenient. */
    void reject(long line, String reason) {
        if (!lenient) throw new DataException(file, line, reason);
        skipped.add(new SkippedRow(line, reason));
    }

    /** A problem with the file as a whole, which fails even a lenient load. */
    DataException structural(long line, String reason) {
        return new DataException(file, line, reason);
    }

    /** The file gave no usable rows: say so, and how many were skipped if any. */
    DataException nothingLeft(String noRows) {
        String reason = skipped.isEmpty() ? noRows
                : noRows + " (all " + skipped.size() + " rows were skipped)";
        return new DataException(file, 0, reason);
    }

    List<SkippedRow> skipped() {
        return skipped;
    }
}
