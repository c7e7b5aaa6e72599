package io.tradeshell.shell.console;

import io.tradeshell.shell.console.chart.ChartRenderer;
import io.tradeshell.shell.console.chart.ReportCharts;
import io.tradeshell.shell.console.progress.Progress;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts the console the way it was asked for: {@code -c 'cmd; cmd'}, lines on a pipe or from a
 * file, or a person at a terminal. Off a terminal the output is plain text.
 */
public final class ConsoleLauncher {
    private ConsoleLauncher() { }

    public static int launch(Optional<Path> home, Optional<String> commands, PrintWriter out, PrintWriter err) throws Exception {
        ChartRenderer charts = new ReportCharts();
        if (commands.isPresent()) {
            return batch(home, out, err, charts).runText(commands.get());
        }
        if (!onTerminal()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return batch(home, out, err, charts).runLines(in);
        }
        return InteractiveConsole.run(new ConsoleSettings(home.orElseGet(ConsoleSettings::defaultHome), true), charts);
    }

    private static Console batch(Optional<Path> home, PrintWriter out, PrintWriter err, ChartRenderer charts) {
        ConsoleSettings settings = new ConsoleSettings(home.orElseGet(ConsoleSettings::defaultHome), false);
        return new Console(settings, Output.plain(out, err), Progress.NONE, charts, null);
    }

    /** Whether both standard input and output are a terminal. */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            // JDK 22+ returns a console even when redirected; isTerminal() tells them apart
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
