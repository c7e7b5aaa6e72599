package io.tradeshell.shell.console.commands;

import io.tradeshell.shell.present.View;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.console.session.Session;
import io.tradeshell.shell.console.session.Workspace;
import io.tradeshell.shell.console.progress.StopSignal;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.session.SessionLog;
import io.tradeshell.shell.console.session.Statements;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.console.view.Table;
import io.tradeshell.shell.console.values.ValueView;
import io.tradeshell.shell.app.trading.ProjectHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.ToIntFunction;
import org.codehaus.groovy.runtime.StackTraceUtils;
import org.jline.reader.Candidate;
import org.jline.shell.ExitShellException;

/** Commands about the session itself: {@code source}, {@code save}, {@code trace}, {@code vars}, {@code exit}. */
public final class SessionCommands {
    private SessionCommands() { }

    /** {@code source FILE}: runs a file of console lines. */
    public static final class Source extends ConsoleCommand {
        private final ToIntFunction<String> statements;
        private final StopSignal stop;

        /** @param statements runs one statement and returns its exit code */
        public Source(ToIntFunction<String> statements, StopSignal stop, Output output) {
            super(output, new Help("source", List.of(), List.of("source FILE"),
                    "Run a file of console lines, as if typed.",
                    List.of("Lines continue while brackets or strings are open. Every statement runs; the command",
                            "fails if one of them did, naming the file and line."),
                    List.of("source session.tsh", "source examples/explore.groovy")));
            this.statements = statements;
            this.stop = stop;
        }

        @Override
        protected void run(List<String> args) throws Exception {
            if (args.size() != 1) throw usage("source needs one FILE");
            Path file = ProjectHome.resolve(args.get(0));
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("no such file: " + args.get(0));
            }
            int failed = 0, firstLine = 0, total = 0;
            for (Statements.Statement s : Statements.fromLines(lines)) {
                total++;
                if (stop.requested()) throw new io.tradeshell.shell.console.runs.StoppedException("stopped (Ctrl-C) at line " + s.line());
                int code = statements.applyAsInt(s.text());
                if (code != ExitCode.OK) {
                    if (failed++ == 0) firstLine = s.line();
                    if (code == ExitCode.INTERRUPTED) break;
                }
            }
            if (failed > 0) {
                throw new IllegalArgumentException(ProjectHome.display(file) + ":" + firstLine + ": " + failed + " of " + total
                        + " statement(s) failed, the first at line " + firstLine);
            }
        }

        @Override
        public void complete(List<String> args, String partial, List<Candidate> out) {
            if (args.isEmpty()) Completions.paths(partial, p -> true, out);
        }
    }

    /** {@code trace}: the last failure's stack trace. */
    public static final class Trace extends ConsoleCommand {
        private final Session session;

        public Trace(Session session, Output output) {
            super(output, new Help("trace", List.of(), List.of("trace"), "The stack trace of the last error.",
                    List.of("Groovy's own frames are left out."), List.of("trace")));
            this.session = session;
        }

        @Override
        protected void run(List<String> args) {
            var error = session.lastError();
            if (error.isEmpty()) {
                out().println("no error so far", Styles.DIM);
                return;
            }
            StringWriter text = new StringWriter();
            Throwable t = error.get();
            try {
                t = StackTraceUtils.deepSanitize(t);
            } catch (RuntimeException e) {
                // the raw trace will do
            }
            t.printStackTrace(new PrintWriter(text));
            out().print(text.toString());
        }
    }

    /** {@code vars}: the Groovy variables of the session. */
    public static final class Vars extends ConsoleCommand {
        private final Workspace workspace;

        public Vars(Workspace workspace, Output output) {
            super(output, new Help("vars", List.of(), List.of("vars"), "The session's Groovy variables, in brief.",
                    List.of(), List.of("vars")));
            this.workspace = workspace;
        }

        @Override
        protected void run(List<String> args) {
            if (!workspace.groovyStarted() || workspace.groovy().variables().isEmpty()) {
                out().println("no variables yet: try  aapl = load('data/aapl_daily_2013.csv')", Styles.DIM);
                return;
            }
            Table t = Table.of("name", "type", "value");
            for (var e : workspace.groovy().variables().entrySet()) {
                Object v = e.getValue();
                t.row(new org.jline.utils.AttributedString(e.getKey(), Styles.NAME), v == null ? "" : v.getClass().getSimpleName(),
                        clip(ValueView.brief(v), Math.max(20, out().width() - 40)));
            }
            out().println(View.of(t.block()));
        }

        private static String clip(String s, int width) {
            return s.length() <= width ? s : s.substring(0, width - 1) + "…";
        }
    }

    /** {@code save FILE}: the session so far as a notebook that {@code notebook FILE} runs to a report. */
    public static final class Save extends ConsoleCommand {
        private final SessionLog log;

        public Save(SessionLog log, Output output) {
            super(output, new Help("save", List.of(), List.of("save FILE"),
                    "Save what you did as a notebook: the statements that succeeded, in order, one cell each.",
                    List.of("Failed statements, help, vars and trace are left out. Run it again, with its report,",
                            "by 'notebook FILE' here or 'tradeshell notebook FILE' outside."),
                    List.of("save session.md", "save notebooks/my_study.md")));
            this.log = log;
        }

        @Override
        protected void run(List<String> args) throws Exception {
            if (args.size() != 1) throw usage("save needs one FILE, such as session.md");
            List<SessionLog.Entry> entries = log.entries();
            if (entries.isEmpty()) throw new IllegalArgumentException("nothing to save yet: no statement has succeeded");
            Path file = ProjectHome.resolve(args.get(0));
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, log.toNotebook(LocalDate.now()), StandardCharsets.UTF_8);
            out().println("saved " + entries.size() + " statement(s) as a notebook: " + ProjectHome.display(file)
                    + "  (run it with: notebook " + args.get(0) + ")");
        }

        @Override
        public void complete(List<String> args, String partial, List<Candidate> out) {
            if (args.isEmpty()) Completions.paths(partial, p -> true, out);
        }
    }

    /** {@code exit [CODE]}. */
    public static final class Exit extends ConsoleCommand {
        private final Session session;

        public Exit(Session session, Output output) {
            super(output, new Help("exit", List.of("quit"), List.of("exit [CODE]"), "Leave the console (Ctrl-D does too).",
                    List.of("History is kept in the console's folder for next time."), List.of("exit")));
            this.session = session;
        }

        @Override
        protected void run(List<String> args) {
            int code = 0;
            if (!args.isEmpty()) {
                try {
                    code = Integer.parseInt(args.get(0));
                } catch (NumberFormatException e) {
                    throw usage("CODE must be a whole number");
                }
            }
            session.exitCode(code);
            throw new ExitShellException(code);
        }
    }
}
