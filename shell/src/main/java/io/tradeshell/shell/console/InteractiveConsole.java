package io.tradeshell.shell.console;

import io.tradeshell.shell.console.chart.ChartRenderer;
import io.tradeshell.shell.console.progress.StatusProgress;
import io.tradeshell.shell.console.session.ConsoleSettings;
import io.tradeshell.shell.console.session.Language;
import io.tradeshell.shell.console.session.Session;
import io.tradeshell.shell.console.session.Workspace;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.view.Styles;
import java.io.IOException;
import java.nio.file.Files;
import org.jline.reader.LineReader;
import org.jline.shell.Shell;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.widget.AutosuggestionWidgets;

/**
 * The console at a terminal: JLine's shell with line editing, persistent history, Ctrl-R
 * search, multi-line input, highlighting, completion, history suggestions and a status line
 * for progress. Groovy and JShell start on first use, so the prompt comes up fast.
 */
public final class InteractiveConsole {
    private InteractiveConsole() { }

    public static int run(ConsoleSettings settings, ChartRenderer charts, java.util.function.Consumer<Console> extend) throws Exception {
        Files.createDirectories(settings.home());
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("tradeshell").nativeSignals(true).build()) {
            // Ctrl-C while a command runs should not leave "^C" in front of its output
            Attributes attributes = terminal.getAttributes();
            attributes.setLocalFlag(Attributes.LocalFlag.ECHOCTL, false);
            terminal.setAttributes(attributes);
            Console console = new Console(settings, Output.terminal(terminal), new StatusProgress(terminal), charts, terminal);
            extend.accept(console);
            ConsoleHighlighter highlighter = new ConsoleHighlighter(console.dispatcher());
            Shell shell = shell(console, terminal, highlighter);
            terminal.writer().println(banner().toAnsi(terminal));
            terminal.flush();
            warmUp(console.workspace(), highlighter);
            try {
                shell.run();
            } finally {
                shell.reader().getHistory().save();
            }
            return console.session().exitCode();
        }
    }

    /** JLine's shell around the console: the reader's options, parser, highlighter, history and widgets. */
    public static Shell shell(Console console, Terminal terminal, ConsoleHighlighter highlighter) throws java.io.IOException {
        Session session = console.session();
        return Shell.builder()
                .terminal(terminal)
                .prompt(() -> prompt(session, terminal))
                .dispatcher(console.dispatcher())
                .parser(new ConsoleParser())
                .highlighter(highlighter)
                .commandHighlighter(false)
                .historyFile(console.settings().historyFile())
                .historyCommands(true)
                .helpCommands(false)
                .optionCommands(false)
                .scriptCommands(false)
                .variableCommands(false)
                .exitCommands(false)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .option(LineReader.Option.INSERT_TAB, false)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%M%P ...> ")
                .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                .variable(LineReader.HISTORY_SIZE, 10_000)
                .variable(LineReader.LIST_MAX, 200)
                .onReaderReady(reader -> new AutosuggestionWidgets(reader).enable())
                .build();
    }

    private static String prompt(Session session, Terminal terminal) {
        String name = session.language() == Language.JAVA ? "java" : "tradeshell";
        return new AttributedStringBuilder().append(name, AttributedStyle.BOLD.foreground(AttributedStyle.BLUE)).append("> ")
                .toAnsi(terminal);
    }

    private static AttributedString banner() {
        return new AttributedStringBuilder().append("TradeShell 0.1.0", Styles.HEADER)
                .append("  help: commands · other lines are Groovy · Ctrl-D leaves", Styles.DIM)
                .toAttributedString();
    }

    /** Starts Groovy and the syntax rules in the background once the prompt is up, for a quick first line. */
    private static void warmUp(Workspace workspace, ConsoleHighlighter highlighter) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(150);
                highlighter.warmUp();
                workspace.groovy().evaluate("1");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the first real line will report whatever is wrong
            }
        }, "warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
