package io.tradeshell.shell.console.commands;

import io.tradeshell.shell.console.session.Session;
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
    static void runRefs(Session session, List<Candidate> out) {
        for (String ref : session.runRefs()) {
            String label;
            try {
                label = session.run(ref).label();
            } catch (RuntimeException e) {
                label = null;
            }
            out.add(ConsoleCommand.candidate(ref, label));
        }
    }

    /** {@code runs}: the session's runs. */
    public static final class Runs extends ConsoleCommand {
        public Runs(Session session) {
            super(session, new Help("runs", List.of(), List.of("runs"), "This session's runs with their headline figures.",
                    List.of("Runs are numbered from 1; other commands take the number (or a Groovy variable holding a run)."),
                    List.of("runs")));
        }

        @Override
        protected void run(List<String> args) {
            if (session.runs().all().isEmpty()) {
                out().println("no runs yet: 'run sma_crossover' or bt = backtest('strategies/sma_crossover.groovy', aapl)", Styles.DIM);
                return;
            }
            out().println(RunViews.list(session.runs().all(), out().width()));
        }
    }

    /** A command showing one view of one run, the last when none is named. */
    abstract static class OneRun extends ConsoleCommand {
        private final Function<SessionRun, AttributedString> view;

        OneRun(Session session, Help help, Function<SessionRun, AttributedString> view) {
            super(session, help);
            this.view = view;
        }

        @Override
        protected void run(List<String> args) {
            if (args.size() > 1) throw usage("one RUN at a time");
            SessionRun run = args.isEmpty() ? session.lastRun() : session.run(args.get(0));
            out().println(view.apply(run));
        }

        @Override
        public void complete(List<String> args, String partial, List<Candidate> out) {
            if (args.isEmpty()) runRefs(session, out);
        }
    }

    /** {@code trades RUN}. */
    public static final class Trades extends OneRun {
        public Trades(Session session) {
            super(session, new Help("trades", List.of(), List.of("trades [RUN]"), "A run's closed trades as a table (the last run by default).",
                    List.of("pnl is net of commissions; return is pnl over the capital the trade tied up."),
                    List.of("trades", "trades 2", "trades bt")), RunViews::trades);
        }
    }

    /** {@code metrics RUN}. */
    public static final class Metrics extends OneRun {
        public Metrics(Session session) {
            super(session, new Help("metrics", List.of(), List.of("metrics [RUN]"), "Every metric of a run (the last run by default).",
                    List.of("Returns and drawdowns are percentages; Sharpe and Sortino are annualised from the bars' own frequency."),
                    List.of("metrics", "metrics 1", "metrics bt")), RunViews::metrics);
        }
    }

    /** {@code compare RUN RUN}. */
    public static final class Compare extends ConsoleCommand {
        public Compare(Session session) {
            super(session, new Help("compare", List.of(), List.of("compare RUN RUN [RUN...]"), "The metrics of two or more runs side by side.",
                    List.of(), List.of("compare 1 2", "compare bt bt2 3")));
        }

        @Override
        protected void run(List<String> args) {
            if (args.size() < 2) throw usage("compare needs at least two runs");
            List<SessionRun> runs = new ArrayList<>();
            for (String a : args) runs.add(session.run(a));
            out().println(RunViews.compare(runs));
        }

        @Override
        public void complete(List<String> args, String partial, List<Candidate> out) {
            runRefs(session, out);
        }
    }
}
