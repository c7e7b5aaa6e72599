package io.tradeshell.shell.console;

import io.tradeshell.shell.console.chart.ChartRenderer;
import io.tradeshell.shell.console.chart.ReportCharts;
import io.tradeshell.shell.console.progress.Progress;
import io.tradeshell.shell.console.session.ConsoleSettings;
import io.tradeshell.shell.console.view.Output;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts the console the way it was asked for: {@code -c 'cmd; cmd'}, lines on a pipe or from a
 * file, or a person at a terminal. Off a terminal the output is plain text.
 */
public final class ConsoleLauncher {
    private ConsoleLauncher() { }

    /** @param extend adds the commands that live outside the console's packages */
    public static int launch(Optional<Path> home, Optional<String> commands, PrintWriter out, PrintWriter err,
                             Consumer<Console> extend) throws Exception {
        ChartRenderer charts = new ReportCharts();
        if (commands.isPresent()) {
            return batch(home, out, err, charts, extend).runText(commands.get());
        }
        if (!onTerminal()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return batch(home, out, err, charts, extend).runLines(in);
        }
        return InteractiveConsole.run(new ConsoleSettings(home.orElseGet(ConsoleSettings::defaultHome), true), charts, extend);
    }

    private static Console batch(Optional<Path> home, PrintWriter out, PrintWriter err, ChartRenderer charts, Consumer<Console> extend) {
        ConsoleSettings settings = new ConsoleSettings(home.orElseGet(ConsoleSettings::defaultHome), false);
        Console console = new Console(settings, Output.plain(out, err), Progress.NONE, charts, null);
        extend.accept(console);
        return console;
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
