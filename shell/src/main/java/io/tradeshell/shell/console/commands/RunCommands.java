package io.tradeshell.shell.console.commands;

import io.tradeshell.shell.console.session.Workspace;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.present.View;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.runs.RunViews;
import io.tradeshell.shell.console.view.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jline.reader.Candidate;
import org.jline.utils.AttributedString;

/** The commands that look at the session's runs: {@code runs}, {@code trades}, {@code metrics}, {@code compare}. */
public final class RunCommands {
    private RunCommands() { }

    /** Candidates naming runs: their numbers and the Groovy variables that hold runs. */
    static void runRefs(Workspace workspace, List<Candidate> out) {
        for (String ref : workspace.runRefs()) {
            String label;
            try {
                label = workspace.run(ref).label();
            } catch (RuntimeException e) {
                label = null;
            }
            out.add(ConsoleCommand.candidate(ref, label));
        }
    }

    /** {@code runs}: the session's runs. */
    public static final class Runs extends ConsoleCommand {
        private final Workspace workspace;

        public Runs(Workspace workspace, Output output) {
            super(output, new Help("runs", List.of(), List.of("runs"), "This session's runs with their headline figures.",
                    List.of("Runs are numbered from 1; other commands take the number (or a Groovy variable holding a run)."),
                    List.of("runs")));
            this.workspace = workspace;
        }

        @Override
        protected void run(List<String> args) {
            if (workspace.runs().all().isEmpty()) {
                out().println("no runs yet: 'run sma_crossover' or bt = backtest('strategies/sma_crossover.groovy', aapl)", Styles.DIM);
                return;
            }
            out().println(RunViews.list(workspace.runs().all(), out().width()));
        }
    }

    /** A command showing one view of one run, the last when none is named. */
    abstract static class OneRun extends ConsoleCommand {
        private final Workspace workspace;
        private final Function<SessionRun, View> view;

        OneRun(Workspace workspace, Output output, Help help, Function<SessionRun, View> view) {
            super(output, help);
            this.workspace = workspace;
            this.view = view;
        }

        @Override
        protected void run(List<String> args) {
            if (args.size() > 1) throw usage("one RUN at a time");
            SessionRun run = args.isEmpty() ? workspace.lastRun() : workspace.run(args.get(0));
            out().println(view.apply(run));
        }

        @Override
        public void complete(List<String> args, String partial, List<Candidate> out) {
            if (args.isEmpty()) runRefs(workspace, out);
        }
    }

    /** {@code trades RUN}. */
    public static final class Trades extends OneRun {
        public Trades(Workspace workspace, Output output) {
            super(workspace, output, new Help("trades", List.of(), List.of("trades [RUN]"), "A run's closed trades as a table (the last run by default).",
                    List.of("pnl is net of commissions; return is pnl over the capital the trade tied up."),
                    List.of("trades", "trades 2", "trades bt")), RunViews::trades);
        }
    }

    /** {@code metrics RUN}. */
    public static final class Metrics extends OneRun {
        public Metrics(Workspace workspace, Output output) {
            super(workspace, output, new Help("metrics", List.of(), List.of("metrics [RUN]"), "Every metric of a run (the last run by default).",
                    List.of("Returns and drawdowns are percentages; Sharpe and Sortino are annualised from the bars' own frequency."),
                    List.of("metrics", "metrics 1", "metrics bt")), RunViews::metrics);
        }
    }

    /** {@code compare RUN RUN}. */
    public static final class Compare extends ConsoleCommand {
        private final Workspace workspace;

        public Compare(Workspace workspace, Output output) {
            super(output, new Help("compare", List.of(), List.of("compare RUN RUN [RUN...]"), "The metrics of two or more runs side by side.",
                    List.of(), List.of("compare 1 2", "compare bt bt2 3")));
            this.workspace = workspace;
        }

        @Override
        protected void run(List<String> args) {
            if (args.size() < 2) throw usage("compare needs at least two runs");
            List<SessionRun> runs = new ArrayList<>();
            for (String a : args) runs.add(workspace.run(a));
            out().println(RunViews.compare(runs));
        }

        @Override
        public void complete(List<String> args, String partial, List<Candidate> out) {
            runRefs(workspace, out);
        }
    }
}
