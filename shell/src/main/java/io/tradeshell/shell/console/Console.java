package io.tradeshell.shell.console;

import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.console.chart.ChartRenderer;
import io.tradeshell.shell.console.commands.ChartCommand;
import io.tradeshell.shell.console.commands.ConsoleCommand;
import io.tradeshell.shell.console.commands.DataConsoleCommand;
import io.tradeshell.shell.console.commands.HelpCommand;
import io.tradeshell.shell.console.commands.RunConsoleCommand;
import io.tradeshell.shell.console.commands.RunCommands;
import io.tradeshell.shell.console.commands.SessionCommands;
import io.tradeshell.shell.console.commands.SettingsCommands;
import io.tradeshell.shell.console.commands.StrategiesCommand;
import io.tradeshell.shell.console.commands.SweepCommands;
import io.tradeshell.shell.console.progress.Progress;
import io.tradeshell.shell.console.session.ConsoleSettings;
import io.tradeshell.shell.console.session.Session;
import io.tradeshell.shell.console.session.Statements;
import io.tradeshell.shell.console.view.Output;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.shell.Command;
import org.jline.shell.CommandGroup;
import org.jline.shell.ExitShellException;
import org.jline.shell.impl.SimpleCommandGroup;
import org.jline.terminal.Terminal;

/**
 * The console put together: a session, its commands and the dispatcher that runs lines. The
 * interactive console drives it from JLine's shell; scripts, pipes and {@code -c} drive it
 * with {@link #runText} and {@link #runLines}.
 */
public final class Console {
    private final Session session;
    private final ConsoleDispatcher dispatcher;
    private final List<ConsoleCommand> commands = new ArrayList<>();

    /** @param terminal the terminal for Ctrl-C and images, or null off a terminal */
    public Console(ConsoleSettings settings, Output output, Progress progress, ChartRenderer charts, Terminal terminal) {
        this.session = new Session(settings, output, progress, charts);
        this.dispatcher = new ConsoleDispatcher(session, terminal);
        commands.add(new HelpCommand(session, name -> Optional.ofNullable(dispatcher.findCommand(name)), this::allCommands));
        commands.add(new DataConsoleCommand(session));
        commands.add(new StrategiesCommand(session));
        commands.add(new RunConsoleCommand(session));
        commands.add(new RunCommands.Runs(session));
        commands.add(new RunCommands.Trades(session));
        commands.add(new RunCommands.Metrics(session));
        commands.add(new ChartCommand(session));
        commands.add(new RunCommands.Compare(session));
        commands.add(new SweepCommands.Optimize(session));
        commands.add(new SweepCommands.WalkForwardTest(session));
        commands.add(new io.tradeshell.shell.console.commands.TradingModeCommands.Paper(session));
        commands.add(new io.tradeshell.shell.console.commands.TradingModeCommands.Parity(session));
        commands.add(new io.tradeshell.shell.console.commands.DashboardConsoleCommand(session));
        commands.add(new SettingsCommands.Set(session));
        commands.add(new SettingsCommands.Get(session));
        commands.add(new SessionCommands.Source(session, dispatcher::runStatement));
        commands.add(new SessionCommands.Save(session, dispatcher.log()));
        commands.add(new SessionCommands.Vars(session));
        commands.add(new SessionCommands.Trace(session));
        commands.add(new SessionCommands.Exit(session));
        dispatcher.addGroup(new SimpleCommandGroup("tradeshell", new ArrayList<Command>(commands)));
    }

    public Session session() { return session; }

    /** Adds a command from outside the console's own packages, such as {@code notebook}. */
    public void add(ConsoleCommand command) {
        commands.add(command);
        dispatcher.addGroup(new SimpleCommandGroup("tradeshell " + command.name(), List.<Command>of(command)));
    }

    public ConsoleDispatcher dispatcher() { return dispatcher; }

    private List<Command> allCommands() {
        List<Command> all = new ArrayList<>();
        for (CommandGroup g : dispatcher.groups()) all.addAll(g.commands());
        return all;
    }

    /** Runs {@code -c} text: statements separated by ';'. Returns the first failure's exit code, or 0. */
    public int runText(String text) {
        try {
            return dispatcher.run(text);
        } catch (ExitShellException e) {
            return e.getExitCode();
        }
    }

    /**
     * Runs lines read from a pipe or a file, joining lines while brackets are open. Every
     * statement runs; returns the first failure's exit code, or 0 ({@code exit N} ends early with N).
     */
    public int runLines(BufferedReader in) {
        int code = ExitCode.OK;
        StringBuilder pending = new StringBuilder();
        int lineNumber = 0;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (!pending.isEmpty()) pending.append('\n');
                pending.append(line);
                if (Statements.isOpen(pending.toString())) continue;
                int c = dispatcher.run(pending.toString());
                if (code == ExitCode.OK) code = c;
                pending.setLength(0);
            }
            if (!pending.isEmpty()) {
                int c = dispatcher.run(pending.toString());
                if (code == ExitCode.OK) code = c;
            }
        } catch (ExitShellException e) {
            return e.getExitCode() != 0 ? e.getExitCode() : code;
        } catch (IOException e) {
            throw new UncheckedIOException("reading commands at line " + lineNumber, e);
        }
        return code;
    }
}
