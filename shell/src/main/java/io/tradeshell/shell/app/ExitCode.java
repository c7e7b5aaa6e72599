package io.tradeshell.shell.app;

/** The launcher's exit codes, the same for every command. */
public final class ExitCode {
    /** Done as asked. */
    public static final int OK = 0;
    /** The strategy script is wrong, at load or while bars ran. */
    public static final int SCRIPT_ERROR = 1;
    /** Bad input: a data file, an option or a parameter. */
    public static final int BAD_INPUT = 2;
    /** Something failed that is not the user's mistake (disk full, a bug). */
    public static final int INTERNAL = 3;
    /** Stopped by the user (Ctrl-C). */
    public static final int INTERRUPTED = 130;

    private ExitCode() { }
}
