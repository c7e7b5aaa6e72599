package io.tradeshell.shell;

import io.tradeshell.shell.app.Errors;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.cli.BenchCommand;
import io.tradeshell.shell.cli.CompareCommand;
import io.tradeshell.shell.cli.DataCommand;
import io.tradeshell.shell.cli.DashboardCommand;
import io.tradeshell.shell.cli.IndicatorsCommand;
import io.tradeshell.shell.cli.OptimizeCommand;
import io.tradeshell.shell.cli.PaperCommand;
import io.tradeshell.shell.cli.ParityCommand;
import io.tradeshell.shell.cli.ReportCommand;
import io.tradeshell.shell.cli.RunCommand;
import io.tradeshell.shell.cli.SweepBenchCommand;
import io.tradeshell.shell.cli.SynthCommand;
import io.tradeshell.shell.cli.WalkForwardCommand;
import io.tradeshell.shell.cli.WorkerCommand;
import io.tradeshell.shell.cli.WordWrappedHelp;
import io.tradeshell.shell.app.trading.RunService;
import io.tradeshell.shell.console.ConsoleLauncher;
import io.tradeshell.shell.notebook.NotebookCommand;
import io.tradeshell.shell.notebook.NotebookConsoleCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code tradeshell} launcher's entry point: headless commands, or the console with no arguments. */
@Command(name = "tradeshell", mixinStandardHelpOptions = true, version = "TradeShell 0.1.0",
        description = "A scriptable research-to-trade shell: backtest, replay live and paper-trade one Groovy strategy script.",
        footer = {"", "With no command, opens the interactive console; with input that is not a terminal",
                "(tradeshell < session.tsh), runs its lines as console commands and exits non-zero if one failed."})
public final class Main implements Callable<Integer> {
    @Option(names = {"-c", "--commands"}, paramLabel = "'CMD; CMD'",
            description = "Run console commands and Groovy, separated by ';', then exit (non-zero if one failed).")
    String commands;

    @Option(names = "--home", paramLabel = "DIR", description = "The console's folder for history and charts (default ~/.tradeshell).")
    Path home;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // picocli looks for Groovy closures in annotations by loading groovy.lang.Closure, which starts
        // Groovy's whole runtime (about a second of CPU) for every command; none of ours uses them.
        System.setProperty("picocli.disable.closures", "true");
        // The JDK's text shaping through its foreign-function binding spins up hundreds of method handles on
        // the first chart's first label (~0.4 s of CPU); its JNI binding draws the same pixels at once.
        if (System.getProperty("sun.font.layout.ffm") == null) System.setProperty("sun.font.layout.ffm", "false");
        if (asksForVersionOnly(args)) {
            // Answered before the command tree exists: building it would start Groovy and every command for one line.
            PrintWriter out = new PrintWriter(System.out, true);
            printVersion(out);
            System.exit(ExitCode.OK);
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Whether the command line is {@code --version} (or {@code -V}) alone, which picocli would answer the same way. */
    static boolean asksForVersionOnly(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** Prints the version lines of the command's annotation, as picocli's {@code --version} does. */
    static void printVersion(PrintWriter out) {
        for (String line : Main.class.getAnnotation(Command.class).version()) out.println(line);
        out.flush();
    }

    /** Runs a command line and returns its exit code; used by tests too. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        RunService service = new RunService();
        CommandLine cli = new CommandLine(new Main())
                .addSubcommand(new RunCommand(service))
                .addSubcommand(new SynthCommand())
                .addSubcommand(new BenchCommand())
                .addSubcommand(new ReportCommand())
                .addSubcommand(new OptimizeCommand(service))
                .addSubcommand(new WalkForwardCommand(service))
                .addSubcommand(new WorkerCommand())
                .addSubcommand(new SweepBenchCommand())
                .addSubcommand(new PaperCommand(service))
                .addSubcommand(new CompareCommand())
                .addSubcommand(new ParityCommand(service))
                .addSubcommand(new NotebookCommand())
                .addSubcommand(new IndicatorsCommand())
                .addSubcommand(new DataCommand())
                .addSubcommand(new DashboardCommand(service));
        WordWrappedHelp.install(cli);
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("error: " + Errors.message(e));
            if (System.getenv("TRADESHELL_TRACE") != null) e.printStackTrace(err);
            err.flush();
            return Errors.exitCode(e);
        });
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            err.println("see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            err.flush();
            return ExitCode.BAD_INPUT;
        });
        return cli.execute(args);
    }

    /** No subcommand: the console. */
    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return ConsoleLauncher.launch(Optional.ofNullable(home), Optional.ofNullable(commands), out, err,
                console -> console.add(new NotebookConsoleCommand(console.settings().home(), console.stop(), console.output())));
    }
}
