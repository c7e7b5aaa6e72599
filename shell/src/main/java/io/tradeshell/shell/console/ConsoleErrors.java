package io.tradeshell.shell.console;

import io.tradeshell.shell.app.Errors;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.console.groovy.SnippetException;
import io.tradeshell.shell.console.runs.StoppedException;

/** What went wrong in a console statement: one line, and the exit code a script of statements ends with. */
public final class ConsoleErrors {
    private ConsoleErrors() { }

    public static String message(Throwable t) {
        return switch (t) {
            case SnippetException s -> s.getMessage();
            case StoppedException s -> s.getMessage();
            case IllegalStateException s when s.getMessage() != null -> s.getMessage();
            case IllegalArgumentException i when i.getMessage() == null -> "bad argument";
            case OutOfMemoryError o -> "out of memory: the JVM needs more heap (TRADESHELL_OPTS=-Xmx4g)";
            case StackOverflowError s -> "stack overflow (endless recursion?)";
            default -> Errors.message(t);
        };
    }

    public static int exitCode(Throwable t) {
        return switch (t) {
            case SnippetException s -> ExitCode.SCRIPT_ERROR;
            case StoppedException s -> ExitCode.INTERRUPTED;
            case IllegalStateException s -> ExitCode.BAD_INPUT;
            default -> Errors.exitCode(t);
        };
    }
}
