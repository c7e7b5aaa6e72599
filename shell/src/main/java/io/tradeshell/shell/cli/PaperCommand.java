package io.tradeshell.shell.cli;

import io.tradeshell.engine.paper.AlgoOrder;
import io.tradeshell.engine.paper.PaperAccounts;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.engine.data.BarPeriods;
import io.tradeshell.engine.paper.AccountFiles;
import io.tradeshell.engine.paper.PaperSession;
import io.tradeshell.engine.paper.SessionConfig;
import io.tradeshell.engine.run.Speed;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.app.trading.AccountText;
import io.tradeshell.shell.app.trading.BrokerAccount;
import io.tradeshell.shell.app.trading.DashboardProcess;
import io.tradeshell.shell.app.trading.LiveFeed;
import io.tradeshell.shell.app.trading.LiveOptions;
import io.tradeshell.shell.app.trading.PaperDesk;
import io.tradeshell.shell.app.trading.PaperSessions;
import io.tradeshell.shell.app.trading.ProjectHome;
import io.tradeshell.shell.app.trading.RunCharts;
import io.tradeshell.shell.app.trading.RunOptions;
import io.tradeshell.shell.app.trading.RunService;
import io.tradeshell.shell.app.trading.RunSettings;
import io.tradeshell.shell.app.trading.StatusLine;
import io.tradeshell.shell.app.trading.SummaryTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tradeshell paper ...}: paper-trading sessions against persistent accounts, and the
 * operator's commands, which work on a session running in any process.
 */
@Command(name = "paper", mixinStandardHelpOptions = true,
        description = {"Paper trading: run a strategy on a live feed against a persistent paper account, and operate it.",
                "Accounts live in ~/.tradeshell/paper/NAME/ (or under --home DIR): session.json (script, data, settings),"
                        + " journal.jsonl (every state change, written before it takes effect), status.json, and the usual run files."},
        subcommands = {PaperCommand.Start.class, PaperCommand.Resume.class, PaperCommand.Status.class, PaperCommand.Orders.class,
                PaperCommand.Positions.class, PaperCommand.Algos.class, PaperCommand.Cancel.class, PaperCommand.Flatten.class, PaperCommand.Kill.class,
                PaperCommand.Pause.class, PaperCommand.Stop.class, PaperCommand.Algo.class, PaperCommand.CancelAlgo.class, PaperCommand.ListAccounts.class},
        footer = {"", "Examples:",
                "  tradeshell paper start demo strategies/sma_crossover.groovy --data data/aapl_daily_2013.csv --speed 3600x",
                "  tradeshell paper status demo --json",
                "  tradeshell paper pause demo      (no new exposure; exits still work)",
                "  tradeshell paper kill demo       (kill switch: halt, cancel every order, flatten)",
                "  tradeshell paper algo demo buy 1000 AAPL twap:30m:10   (a parent order in ten slices over 30 minutes)",
                "  tradeshell paper resume demo     (trade again, or continue a stopped or crashed session)",
                "", "Exit codes: 0 done, 1 script error, 2 bad input or refused (unknown account, order not working, torn journal), 3 internal error, 130 interrupted."})
public final class PaperCommand implements Runnable {
    final RunService service;

    @Spec
    CommandSpec spec;

    public PaperCommand(RunService service) {
        this.service = service;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The accounts' home, shared by every paper command. */
    static final class HomeOption {
        @Option(names = "--home", paramLabel = "DIR", description = "TradeShell's home for accounts (default ~/.tradeshell): accounts are DIR/paper/NAME.")
        Path home;

        PaperHome paperHome() {
            return home != null ? new PaperHome(home) : PaperHome.userDefault();
        }
    }

    /** Runs a prepared session in this thread until its feed ends, it is stopped, or Ctrl-C. */
    static int runInForeground(PaperSessions sessions, String name, PrintWriter out, boolean quiet, Optional<String> chartFormat,
                               java.util.function.Function<PaperSession.Wiring, PaperSession> prepare) {
        StatusLine status = StatusLine.forTerminal(out, "paper " + name + " ");
        try (StopOnShutdown stop = StopOnShutdown.install()) {
            PaperSession session = PaperDesk.refusals(() -> prepare.apply(sessions.wiring(name, out, quiet, status, stop)));
            PaperSession.Outcome outcome;
            try {
                outcome = PaperDesk.refusals(() -> sessions.run(name, session));
            } finally {
                status.finish();
            }
            out.print(SummaryTable.render(outcome.result(), session.loop().flatMap(l -> l.broker().venue())));
            out.println(AccountText.account(outcome.status()));
            Path dir = sessions.home().account(name).dir();
            out.println("  account  " + ProjectHome.display(dir));
            if (chartFormat.isPresent() && session.loop().isPresent()) {
                for (Path chart : RunCharts.write(outcome.result(), session.loop().get(), dir, chartFormat.get())) {
                    out.println("  chart    " + ProjectHome.display(chart));
                }
            }
            out.flush();
            return outcome.result().stoppedEarly() && stop.getAsBoolean() ? ExitCode.INTERRUPTED : ExitCode.OK;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Start a new paper account NAME running SCRIPT on a live feed; runs until the feed ends or the session is stopped.")
    static final class Start implements Callable<Integer> {
        @ParentCommand PaperCommand parent;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME", description = "The account's name.") String name;
        @Parameters(index = "1", paramLabel = "SCRIPT", description = "The strategy script (.groovy); the account keeps a copy.") Path script;
        @Mixin HomeOption home;
        @Mixin LiveOptions live;
        @Mixin RunOptions options;
        @Mixin BrokerOptions broker;
        @Option(names = "--dashboard", description = "Also serve the session's dashboard, from a process of its own; its address is the first line printed.") boolean dashboard;
        @Option(names = "--dashboard-port", paramLabel = "N", defaultValue = "0", description = "The dashboard's port (default: any free one).") int dashboardPort;

        @Override
        public Integer call() {
            PaperSessions sessions = new PaperSessions(parent.service, home.paperHome()).withAlerts(live.alertsFile());
            PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            Path resolved = ProjectHome.resolve(script.toString());
            Speed speed = live.speed();
            Optional<String> charts = options.noCharts ? Optional.empty() : Optional.of(options.chartFormat);
            if (!dashboard) return start(sessions, out, err, resolved, speed, charts);
            // the session prepares (compiles its script, reads its data) while the dashboard's process starts;
            // its address is still the first line, printed before anything else and before the session runs
            try (DashboardProcess d = DashboardProcess.start(home.paperHome().home(), name, dashboardPort)) {
                PrintWriter shown = d.bannerFirst(out);
                beforeRun = () -> d.printBanner(out);
                return start(sessions, shown, err, resolved, speed, charts);
            }
        }

        /** Runs once the session is prepared, just before it trades. */
        private Runnable beforeRun = () -> { };

        private int foreground(PaperSessions sessions, PrintWriter out, Optional<String> charts,
                               java.util.function.Function<PaperSession.Wiring, PaperSession> prepare) {
            return runInForeground(sessions, name, out, live.quiet, charts, w -> {
                PaperSession session = prepare.apply(w);
                beforeRun.run();
                return session;
            });
        }

        private int start(PaperSessions sessions, PrintWriter out, PrintWriter err, Path resolved, Speed speed, Optional<String> charts) {
            RunSettings settings = options.settings();
            if (broker.prices.given()) {
                if (sessions.home().account(name).exists()) throw new IllegalArgumentException("paper account '" + name + "' already exists; choose another name");
                broker.prices.refuseSpeed(spec.commandLine().getParseResult());
                try (LiveFeed feed = broker.openFeed(settings.barPeriod(), out)) {
                    java.util.function.Function<PaperSession.Wiring, PaperSession> prepare = w -> sessions.prepareStartLive(name, resolved, settings, feed, w);
                    out.println(feed.describe());
                    if (broker.broker != null) return broker.start(name, sessions.home().account(name), out,
                            plug -> foreground(sessions, out, charts, w -> plug.apply(prepare.apply(w))));
                    return foreground(sessions, out, charts, prepare);
                }
            }
            if (broker.broker != null) return broker.start(name, sessions.home().account(name), out, plug -> foreground(sessions, out, charts,
                    w -> plug.apply(sessions.prepareStart(name, resolved, settings, speed, w, err))));
            return foreground(sessions, out, charts, w -> sessions.prepareStart(name, resolved, settings, speed, w, err));
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = {"Continue a stopped or crashed session from its journal, or trade again in a running one that was paused.",
                    "A stopped or crashed session goes on with its own script, data and settings: the account is rebuilt exactly from"
                            + " its journal, then the feed continues where it had got. In a running session, trading resumes after a pause,"
                            + " a daily-loss stop or a halt."})
    static final class Resume implements Callable<Integer> {
        @ParentCommand PaperCommand parent;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin HomeOption home;
        @Option(names = "--speed", paramLabel = "SPEED", description = "Play the rest of the feed at this speed (default: the account's own).") String speed;
        @Option(names = "--quiet", description = "Print only risk decisions, rejections and halts.") boolean quiet;
        @Option(names = "--repair-journal", description = "If the journal's last line is torn (cut off by a crash), drop it and say so in the journal.")
        boolean repairJournal;
        @Option(names = "--no-charts", description = "Do not render charts when the session ends.") boolean noCharts;
        @Mixin BrokerOptions.Access broker;

        @Override
        public Integer call() {
            PaperSessions sessions = new PaperSessions(parent.service, home.paperHome());
            PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            if (sessions.isRunning(name)) return Control.report(out, name, PaperDesk.refusals(() -> sessions.resumeTrading(name)));
            Optional<Speed> override = Optional.ofNullable(speed).map(Speed::parse);
            Optional<String> charts = noCharts ? Optional.empty() : Optional.of("png");
            var files = sessions.home().existing(name);
            Optional<BrokerAccount> atBroker = BrokerAccount.read(files);
            SessionConfig config = SessionConfig.read(files.session());
            if (LiveFeed.isLive(config)) return resumeLive(sessions, files, config, atBroker, out, charts);
            if (atBroker.isPresent()) return broker.resume(name, files, atBroker.get(), out, plug -> runInForeground(sessions, name, out, quiet, charts,
                    w -> plug.apply(sessions.prepareResume(name, override, repairJournal, w, err))));
            return runInForeground(sessions, name, out, quiet, charts, w -> sessions.prepareResume(name, override, repairJournal, w, err));
        }

        /** An account on live prices: connected to its feed again; the prices it was fed rebuild it first. */
        private int resumeLive(PaperSessions sessions, AccountFiles files, SessionConfig config, Optional<BrokerAccount> atBroker,
                               PrintWriter out, Optional<String> charts) {
            if (speed != null) throw new IllegalArgumentException("--speed does not apply to paper account '" + name + "': it trades on live prices, at the market's pace");
            atBroker.ifPresent(a -> broker.refuseUnresumable(name, a));
            String source = LiveFeed.source(config);
            List<String> symbols = config.data().stream().map(SessionConfig.DataRef::symbol).toList();
            try (LiveFeed feed = FeedOptions.connect(source, symbols, broker.credentials(), config.bar().map(BarPeriods::parse), out)) {
                out.println(feed.describe() + "; the prices the account was fed are played again first");
                java.util.function.Function<PaperSession.Wiring, PaperSession> prepare = w -> sessions.prepareResumeLive(name, feed, repairJournal, w);
                if (atBroker.isPresent()) return broker.resume(name, files, atBroker.get(), out, plug -> runInForeground(sessions, name, out, quiet, charts,
                        w -> plug.apply(prepare.apply(w))));
                return runInForeground(sessions, name, out, quiet, charts, prepare);
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "The account: state, cash, equity, P&L, positions, open orders, fills, feed position.")
    static final class Status implements Callable<Integer> {
        @ParentCommand PaperCommand parent;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin HomeOption home;
        @Option(names = "--json", description = "Print the account as JSON.") boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println(new PaperDesk(parent.service, home.paperHome()).status(name, json));
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "orders", mixinStandardHelpOptions = true, description = "The account's working orders.")
    static final class Orders implements Callable<Integer> {
        @ParentCommand PaperCommand parent;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin HomeOption home;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(new PaperDesk(parent.service, home.paperHome()).orders(name));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "positions", mixinStandardHelpOptions = true, description = "The account's open positions.")
    static final class Positions implements Callable<Integer> {
        @ParentCommand PaperCommand parent;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin HomeOption home;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(new PaperDesk(parent.service, home.paperHome()).positions(name));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "algos", mixinStandardHelpOptions = true,
            description = "The account's parent orders (TWAP, VWAP, participation) still working: sent and filled so far, children, last step.")
    static final class Algos implements Callable<Integer> {
        @ParentCommand PaperCommand parent;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin HomeOption home;
        @Option(names = "--all", description = "Also the parent orders that are done, cancelled or rejected.") boolean all;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(new PaperDesk(parent.service, home.paperHome()).algos(name, all));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every paper account with its state, equity and P&L.")
    static final class ListAccounts implements Callable<Integer> {
        @ParentCommand PaperCommand parent;
        @Spec CommandSpec spec;
        @Mixin HomeOption home;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(new PaperDesk(parent.service, home.paperHome()).list());
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    /** The commands that operate a session: each sends one operator command and prints the answer. */
    abstract static class Control implements Callable<Integer> {
        @ParentCommand PaperCommand parent;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin HomeOption home;

        abstract PaperDesk.Control control();

        long orderId() { return 0; }

        @Override
        public Integer call() {
            return report(spec.commandLine().getOut(), name, new PaperDesk(parent.service, home.paperHome()).send(control(), name, orderId()));
        }

        static int report(PrintWriter out, String name, PaperAccounts.Sent sent) {
            out.println(sent.describe(name));
            out.flush();
            return sent.ok() ? ExitCode.OK : ExitCode.BAD_INPUT;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel one working order.")
    static final class Cancel extends Control {
        @Parameters(index = "1", paramLabel = "ID", description = "The order's id (see 'paper orders').") long orderId;

        PaperDesk.Control control() { return PaperDesk.Control.CANCEL; }

        @Override
        long orderId() { return orderId; }
    }

    @Command(name = "flatten", mixinStandardHelpOptions = true, description = "Cancel every order and close every position at market; trading goes on.")
    static final class Flatten extends Control {
        PaperDesk.Control control() { return PaperDesk.Control.FLATTEN; }
    }

    @Command(name = "kill", mixinStandardHelpOptions = true, description = "Kill switch: halt trading, cancel every order and flatten every position.")
    static final class Kill extends Control {
        PaperDesk.Control control() { return PaperDesk.Control.KILL; }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "No new exposure until 'paper resume'; exits and protective orders still work.")
    static final class Pause extends Control {
        PaperDesk.Control control() { return PaperDesk.Control.PAUSE; }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "End the session cleanly; 'paper resume' continues it later from where it stopped.")
    static final class Stop extends Control {
        PaperDesk.Control control() { return PaperDesk.Control.STOP; }
    }

    @Command(name = "algo", mixinStandardHelpOptions = true,
            description = {"Start a parent order in the running session, worked by an execution algo as a strategy's would be: its children pass the risk check.",
                    "ALGO is twap:DURATION[:SLICES] (10 slices unless given), vwap:DURATION[:LOOKBACK_DAYS] (20 unless given) or pov:RATE[:MAX_CHILD]."})
    static final class Algo implements Callable<Integer> {
        @ParentCommand PaperCommand parent;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "SIDE", description = "buy or sell") String side;
        @Parameters(index = "2", paramLabel = "QTY") double qty;
        @Parameters(index = "3", paramLabel = "SYMBOL", description = "One of the session's symbols.") String symbol;
        @Parameters(index = "4", paramLabel = "ALGO", description = "twap:30m:10, vwap:1h, pov:0.1:500") String algo;
        @Mixin HomeOption home;

        @Override
        public Integer call() {
            AlgoOrder order = new AlgoOrder(symbol, AlgoOrder.side(side), qty, algo);
            return Control.report(spec.commandLine().getOut(), name, new PaperDesk(parent.service, home.paperHome()).algo(name, order));
        }
    }

    @Command(name = "cancel-algo", mixinStandardHelpOptions = true, description = "Cancel a working parent order and its working children.")
    static final class CancelAlgo extends Control {
        @Parameters(index = "1", paramLabel = "ID", description = "The parent order's id (see 'paper algos').") long parentId;

        PaperDesk.Control control() { return PaperDesk.Control.CANCEL_ALGO; }

        @Override
        long orderId() { return parentId; }
    }

}
