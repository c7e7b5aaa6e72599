package io.tradeshell.engine.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A market data file that cannot be used as it is, with the file and the 1-based physical
 * line at fault (the header is line 1; 0 when the problem is not on one line), so the shell
 * can print one line the user can jump to: {@code data/x.csv:17: high 10.5 is below low 11.0}.
 */
public final class DataException extends RuntimeException {
    private final Path file;
    private final long line;
    private final String reason;

    public DataException(Path file, long line, String reason) {
        this(file, line, reason, null);
    }

    public DataException(Path file, long line, String reason, Throwable cause) {
        super(format(file, line, reason), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private static String format(Path file, long line, String reason) {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }

    public Path file() { return file; }

    /** The 1-based physical line, or 0 when no single line is at fault. */
    public long line() { return line; }

    /** What is wrong, without the file and line. */
    public String reason() { return reason; }
}
