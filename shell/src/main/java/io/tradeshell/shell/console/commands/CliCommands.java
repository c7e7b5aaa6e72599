package io.tradeshell.shell.console.commands;

import io.tradeshell.shell.console.session.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs one of the headless commands inside the console, so both share one implementation:
 * its output goes to the console, and a failure becomes the console's one-line error.
 */
final class CliCommands {
    private CliCommands() { }

    static void run(Session session, Object command, List<String> args) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(session.out().out()).setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        });
        int code = cli.execute(args.toArray(String[]::new));
        session.out().out().flush();
        String problems = err.toString().strip();
        if (code != 0) {
            throw new IllegalArgumentException(problems.isEmpty() ? "failed with exit code " + code : problems.replaceFirst("^error: ", ""));
        }
        if (!problems.isEmpty()) session.out().warning(problems);
    }
}
