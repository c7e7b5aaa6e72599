package io.tradeshell.shell.console;

import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.console.groovy.GroovyEvaluator;
import io.tradeshell.shell.console.groovy.SnippetException;
import io.tradeshell.shell.console.runs.StoppedException;
import io.tradeshell.shell.console.java.JavaEvaluator;
import io.tradeshell.shell.console.session.Language;
import io.tradeshell.shell.console.session.Session;
import io.tradeshell.shell.console.session.Workspace;
import io.tradeshell.shell.console.progress.StopSignal;
import io.tradeshell.shell.app.trading.RunService;
import io.tradeshell.shell.console.session.SessionLog;
import io.tradeshell.shell.console.session.Statements;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.console.values.ValueView;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jline.reader.Completer;
import org.jline.shell.Command;
import org.jline.shell.CommandDescription;
import org.jline.shell.CommandDispatcher;
import org.jline.shell.CommandGroup;
import org.jline.shell.CommandLine;
import org.jline.shell.CommandSession;
import org.jline.shell.ExitShellException;
import org.jline.shell.Pipeline;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.WriterOutputStream;

/**
 * Decides what each line is and runs it: a console command (its first word names one), a
 * switch between Groovy and Java, or a snippet in the current language. A failure is reported
 * in one line and never ends the console; {@code trace} shows its stack trace.
 */
public final class ConsoleDispatcher implements CommandDispatcher {
    private final Session session;
    private final Workspace workspace;
    private final StopSignal stop;
    private final Output output;
    private final boolean interactive;
    private final RunService service;
    private final Terminal terminal;
    private final List<CommandGroup> groups = new ArrayList<>();
    private final CommandSession commandSession;
    private final SessionLog log = new SessionLog();
    private int depth;
    private boolean traceHintShown;

    /**
     * @param interactive a person at a terminal (the first failure hints at {@code trace})
     * @param service     compiles scripts, for the completion of their params
     */
    public ConsoleDispatcher(Session session, Workspace workspace, StopSignal stop, Output output, boolean interactive, RunService service,
            Terminal terminal) {
        this.session = session;
        this.workspace = workspace;
        this.stop = stop;
        this.output = output;
        this.interactive = interactive;
        this.service = service;
        this.terminal = terminal;
        PrintStream out = new PrintStream(new WriterOutputStream(output.out(), StandardCharsets.UTF_8), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new WriterOutputStream(output.err(), StandardCharsets.UTF_8), true, StandardCharsets.UTF_8);
        this.commandSession = new CommandSession(terminal, terminal != null ? terminal.input() : System.in, out, err);
    }

    @Override
    public void addGroup(CommandGroup group) {
        groups.add(group);
    }

    @Override
    public List<CommandGroup> groups() {
        return Collections.unmodifiableList(groups);
    }

    /** Runs an input line as the interactive console does; failures are reported, never thrown. */
    @Override
    public Object execute(String line) {
        run(line);
        return null;
    }

    @Override
    public Object execute(Pipeline pipeline) {
        throw new UnsupportedOperationException("the console runs lines, not pipelines");
    }

    /**
     * Runs every statement of an input and returns the exit code of the first that failed, or 0.
     *
     * @throws ExitShellException when a statement asks to leave the console
     */
    public int run(String input) {
        Optional<String> unclosed = Statements.unclosed(input);
        if (unclosed.isPresent()) return report(new SnippetException("unfinished input: " + unclosed.get(), null));
        int code = ExitCode.OK;
        for (String statement : Statements.split(input)) {
            int c = runStatement(statement);
            if (code == ExitCode.OK) code = c;
        }
        return code;
    }

    /** The statements typed at the top level that succeeded, for {@code save}. */
    public SessionLog log() {
        return log;
    }

    /** Runs one statement; returns 0, or the exit code its failure maps to. */
    public int runStatement(String statement) {
        stop.begin();
        depth++;
        try {
            Language language = session.language();
            String command = route(statement.strip());
            if (depth == 1 && !statement.isBlank()) log.kept(statement.strip(), command, language);
            return ExitCode.OK;
        } catch (ExitShellException e) {
            throw e;
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError v && !(t instanceof StackOverflowError) && !(t instanceof OutOfMemoryError)) throw v;
            return report(t);
        } finally {
            depth--;
            stop.end();
            output.out().flush();
        }
    }

    /** Runs a statement; returns the name of the console command it ran, or null for anything else. */
    private String route(String statement) throws Exception {
        if (statement.isEmpty()) return null;
        if (statement.equals("/java") || statement.equals("/groovy")) {
            Language l = statement.equals("/java") ? Language.JAVA : Language.GROOVY;
            session.language(l);
            output.println(l == Language.JAVA
                    ? "Java mode: lines are Java snippets (JShell); /groovy goes back. Commands still work."
                    : "Groovy mode.", Styles.DIM);
            return null;
        }
        if (statement.startsWith("/java ") || statement.startsWith("/java\n")) {
            evaluateJava(statement.substring(5).strip());
            return null;
        }
        if (statement.startsWith("/groovy ") || statement.startsWith("/groovy\n")) {
            evaluateGroovy(statement.substring(7).strip());
            return null;
        }
        List<String> words = CommandWords.split(statement);
        Command command = words.isEmpty() || !CommandWords.isCommandLine(statement, words.get(0)) ? null : findCommand(words.get(0));
        if (command != null) {
            command.execute(commandSession, words.subList(1, words.size()).toArray(String[]::new));
            return command.name();
        } else if (session.language() == Language.JAVA) {
            evaluateJava(statement);
        } else {
            try {
                evaluateGroovy(statement);
            } catch (SnippetException e) {
                throw words.isEmpty() ? e : nearCommand(words.get(0), e);
            }
        }
        return null;
    }

    /** A first word Groovy does not know that is one typo away from a command: say so. */
    private RuntimeException nearCommand(String word, SnippetException e) {
        String m = String.valueOf(e.getMessage());
        if (!m.startsWith("unknown name '") && !m.startsWith("unknown function '")) return e;
        if (workspace.groovy().variable(word).isPresent() || !word.matches("[a-z]+")) return e;
        String best = null;
        int bestDistance = word.length() >= 6 ? 4 : 3;
        for (CommandGroup g : groups) {
            for (Command c : g.commands()) {
                int d = word.length() >= 3 && c.name().startsWith(word) ? 0 : io.tradeshell.dsl.Typos.distance(word, c.name());
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c.name();
                }
            }
        }
        return best == null ? e : new SnippetException("unknown command or name '" + word + "' (did you mean the command '" + best + "'?)", e);
    }

    private void evaluateGroovy(String code) {
        GroovyEvaluator.Result r = workspace.groovy().evaluate(code);
        Output out = output;
        if (!r.methods().isEmpty()) {
            if (session.echo()) for (String m : r.methods()) out.println("defined " + m, Styles.DIM);
        } else if (r.assigned().isPresent()) {
            if (session.echo()) out.println(new AttributedStringBuilder().append(r.assigned().get(), Styles.NAME).append(" ==> ")
                    .append(ValueView.brief(r.value())).toAttributedString());
        } else if (r.value() != null) {
            out.println(ValueView.full(r.value()));
        }
    }

    private void evaluateJava(String code) {
        JavaEvaluator java = workspace.java();
        stop.alsoOnStop(java::stop);
        java.share(workspace.sharedValues());
        Output out = output;
        List<JavaEvaluator.Outcome> outcomes = java.evaluate(code);
        if (stop.requested()) throw new StoppedException("stopped (Ctrl-C)");
        for (JavaEvaluator.Outcome o : outcomes) {
            if (!o.hasValue()) {
                if (!o.text().isEmpty() && session.echo()) out.println(o.text(), Styles.DIM);
            } else if (o.name().isPresent()) {
                if (session.echo()) out.println(new AttributedStringBuilder().append(o.name().get(), Styles.NAME).append(" ==> ")
                        .append(o.value() == null ? o.text() : ValueView.brief(o.value())).toAttributedString());
            } else if (o.value() instanceof java.io.PrintStream || o.value() instanceof java.io.PrintWriter) {
                // System.out.printf(...) hands back its stream: what it printed is the point, not the stream
                continue;
            } else if (o.value() != null) {
                out.println(ValueView.full(o.value()));
            } else if (!o.text().isEmpty()) {
                out.println(o.text());
            }
        }
    }

    private int report(Throwable t) {
        session.failed(t);
        output.error(ConsoleErrors.message(t));
        boolean stopped = t instanceof StoppedException || stop.requested();
        if (!traceHintShown && !stopped && interactive) {
            traceHintShown = true;
            output.println("  ('trace' shows the stack trace)", Styles.DIM);
        }
        return ConsoleErrors.exitCode(t);
    }

    @Override
    public Completer completer() {
        return new ConsoleCompleter(session, workspace, service, this);
    }

    @Override
    public CommandDescription describe(CommandLine line) {
        if (line == null || line.args().isEmpty()) return null;
        Command c = findCommand(line.args().get(0));
        return c == null ? null : c.describe(line.args());
    }

    @Override
    public Terminal terminal() {
        return terminal;
    }

    /** Ctrl-C while a statement runs stops it, not the console. */
    @Override
    public void initialize(File script) {
        if (terminal != null) terminal.handle(Terminal.Signal.INT, signal -> stop.fire());
    }

    @Override
    public void trace(Throwable t) {
        report(t);
    }

    @Override
    public void close() {
        // nothing held: the session's evaluators end with the JVM
    }
}
