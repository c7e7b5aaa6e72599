package io.tradeshell.shell.console.runs;

/** The user pressed Ctrl-C: what was running stopped, the console carries on. */
public final class StoppedException extends RuntimeException {
    public StoppedException(String message) {
        super(message);
    }
}
