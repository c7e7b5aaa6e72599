package io.tradeshell.shell.app;

import io.tradeshell.dsl.ScriptException;
import io.tradeshell.engine.data.DataException;
import java.io.UncheckedIOException;

/** Maps what went wrong to one line for the user and an exit code; stack traces only on request. */
public final class Errors {
    private Errors() { }

    public static int exitCode(Throwable t) {
        return switch (t) {
            case ScriptException s -> s.line() > 0 ? ExitCode.SCRIPT_ERROR : ExitCode.BAD_INPUT;
            case DataException d -> ExitCode.BAD_INPUT;
            case IllegalArgumentException i -> ExitCode.BAD_INPUT;
            case java.time.DateTimeException d -> ExitCode.BAD_INPUT;
            case picocli.CommandLine.ParameterException p -> ExitCode.BAD_INPUT;
            default -> ExitCode.INTERNAL;
        };
    }

    public static String message(Throwable t) {
        return switch (t) {
            case ScriptException s -> s.getMessage();
            case DataException d -> d.getMessage();
            case IllegalArgumentException i -> i.getMessage();
            case java.time.DateTimeException d -> d.getMessage();
            case UncheckedIOException u -> "I/O error: " + u.getMessage();
            default -> t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        };
    }
}
