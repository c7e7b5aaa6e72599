package io.tradeshell.shell.console;

import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.app.trading.RunService;
import io.tradeshell.shell.console.chart.ChartRenderer;
import io.tradeshell.shell.console.chart.ScreenCharts;
import io.tradeshell.shell.console.chart.SwitchedDisplay;
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
import io.tradeshell.shell.console.progress.StopSignal;
import io.tradeshell.shell.console.runs.RunLauncher;
import io.tradeshell.shell.console.runs.SessionDefaults;
import io.tradeshell.shell.console.session.ScriptActions;
import io.tradeshell.shell.console.session.ConsoleSettings;
import io.tradeshell.shell.console.session.Session;
import io.tradeshell.shell.console.session.Statements;
import io.tradeshell.shell.console.session.Workspace;
import io.tradeshell.shell.console.sweeps.SweepLauncher;
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
 * The console put together: what it holds, the use cases its commands and snippets call, the
 * commands (each given only what it works with) and the dispatcher that runs lines. The
 * interactive console drives it from JLine's shell; scripts, pipes and {@code -c} drive it
 * with {@link #runText} and {@link #runLines}.
 */
public final class Console {
    private final ConsoleSettings settings;
    private final Output output;
    private final Session session = new Session();
    private final StopSignal stop = new StopSignal();
    private final Workspace workspace;
    private final SwitchedDisplay display;
    private final ConsoleDispatcher dispatcher;
    private final List<ConsoleCommand> commands = new ArrayList<>();

    /** @param terminal the terminal for Ctrl-C and images, or null off a terminal */
    public Console(ConsoleSettings settings, Output output, Progress progress, ChartRenderer charts, Terminal terminal) {
        this.settings = settings;
        this.output = output;
        RunService service = new RunService();
        SessionDefaults defaults = new SessionDefaults();
        ScriptActions[] actions = new ScriptActions[1];
        this.workspace = new Workspace(output, () -> actions[0]);
        RunLauncher launcher = new RunLauncher(service, workspace.runs(), stop, progress);
        SweepLauncher sweeps = new SweepLauncher(stop, progress);
        this.display = new SwitchedDisplay(new ScreenCharts(output, settings.chartDir()));
        actions[0] = new ScriptActions(workspace, service, defaults, launcher, sweeps, stop, charts, display, output.err());
        this.dispatcher = new ConsoleDispatcher(session, workspace, stop, output, settings.interactive(), service, terminal);
        commands.add(new HelpCommand(output, name -> Optional.ofNullable(dispatcher.findCommand(name)), this::allCommands));
        commands.add(new DataConsoleCommand(workspace, output));
        commands.add(new StrategiesCommand(service, output));
        commands.add(new RunConsoleCommand(service, workspace, defaults, launcher, stop, output));
        commands.add(new RunCommands.Runs(workspace, output));
        commands.add(new RunCommands.Trades(workspace, output));
        commands.add(new RunCommands.Metrics(workspace, output));
        commands.add(new ChartCommand(workspace, charts, display, output));
        commands.add(new RunCommands.Compare(workspace, output));
        commands.add(new SweepCommands.Optimize(service, workspace, defaults, sweeps, output));
        commands.add(new SweepCommands.WalkForwardTest(service, workspace, defaults, sweeps, output));
        commands.add(new io.tradeshell.shell.console.commands.TradingModeCommands.Paper(service, settings, output));
        commands.add(new io.tradeshell.shell.console.commands.TradingModeCommands.Parity(service, output));
        commands.add(new io.tradeshell.shell.console.commands.DashboardConsoleCommand(service, settings.home(), output));
        commands.add(new SettingsCommands.Set(defaults, output));
        commands.add(new SettingsCommands.Get(defaults, output));
        commands.add(new SessionCommands.Source(dispatcher::runStatement, stop, output));
        commands.add(new SessionCommands.Save(dispatcher.log(), output));
        commands.add(new SessionCommands.Vars(workspace, output));
        commands.add(new SessionCommands.Trace(session, output));
        commands.add(new SessionCommands.Exit(session, output));
        dispatcher.addGroup(new SimpleCommandGroup("tradeshell", new ArrayList<Command>(commands)));
    }

    /** The console's state between lines: language, echo, last error, exit code. */
    public Session session() { return session; }

    /** The data, runs and evaluators the console holds. */
    public Workspace workspace() { return workspace; }

    /** Ctrl-C for whatever the console runs now. */
    public StopSignal stop() { return stop; }

    public Output output() { return output; }

    public ConsoleSettings settings() { return settings; }

    /** Where charts go; a notebook points it at its report. */
    public SwitchedDisplay display() { return display; }

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
