package io.tradeshell.report.run;

import java.io.IOException;
import java.nio.file.Path;

/** A run file that cannot be read as the output format says: names the file and, when known, the line. */
public final class RunFileException extends IOException {
    private final Path file;
    private final long line;

    public RunFileException(Path file, long line, String problem) {
        this(file, line, problem, null);
    }

    public RunFileException(Path file, long line, String problem, Throwable cause) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() { return file; }

    /** 1-based line number, or 0 when the problem is not tied to one line. */
    public long line() { return line; }
}
