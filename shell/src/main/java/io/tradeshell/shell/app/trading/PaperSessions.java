package io.tradeshell.shell.app.trading;

import io.tradeshell.dsl.CompiledScript;
import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.learning.ModelFolder;
import io.tradeshell.engine.learning.SavedModels;
import io.tradeshell.engine.paper.AccountFiles;
import io.tradeshell.engine.paper.AccountLock;
import io.tradeshell.engine.paper.AccountStatus;
import io.tradeshell.engine.paper.AlgoOrder;
import io.tradeshell.engine.paper.OperatorCommand;
import io.tradeshell.engine.paper.PaperAccounts;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.engine.paper.PaperSession;
import io.tradeshell.engine.paper.SessionConfig;
import io.tradeshell.engine.run.RecordedFeed;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.Speed;
import io.tradeshell.engine.run.WallClock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Paper accounts for the headless commands and the console: starting and resuming sessions,
 * in the calling thread or on one of their own, and operating any account through its files,
 * whether its session runs in this process or in another one (a headless session started from
 * cron is operated from the console the same way).
 */
public final class PaperSessions {
    private final RunService service;
    private final PaperHome home;
    private final PaperAccounts accounts;

    public PaperSessions(RunService service, PaperHome home) {
        this.service = service;
        this.home = home;
        this.accounts = new PaperAccounts(home, WallClock.SYSTEM);
    }

    public PaperHome home() { return home; }

    private java.util.Optional<Path> alertsFile = java.util.Optional.empty();

    /** Sessions started from here send alerts as this config file says. */
    public PaperSessions withAlerts(java.util.Optional<Path> file) {
        this.alertsFile = file;
        return this;
    }

    public PaperAccounts accounts() { return accounts; }

    /** A session running on a thread of its own (the console's way). */
    public record Background(String name, PaperSession session, CompletableFuture<PaperSession.Outcome> outcome) {
        /** Asks it to stop cleanly; {@link #outcome} completes when it has. */
        public void stop() {
            session.requestStop();
        }

        public PaperSession.Outcome await() {
            return outcome.join();
        }
    }

    /** How a session talks to whoever watches it: event lines, a status line, its own messages. */
    public PaperSession.Wiring wiring(String name, PrintWriter out, boolean quiet, StatusLine status, BooleanSupplier interrupt) {
        SessionConsole console = new SessionConsole(out, quiet, status);
        // the session closes its alert router when it ends, delivering what is queued
        EventListener alerts = SessionAlerts.forSession("paper " + name, home.account(name).dir(), alertsFile, status.above(out));
        return PaperSession.Wiring.quiet()
                .withConsole(console)
                .withAlerts(alerts)
                .withStatus(status)
                .withLog(message -> {
                    status.clear();
                    out.println("paper " + name + ": " + message);
                    out.flush();
                })
                .withInterrupt(interrupt);
    }

    /** A new account running {@code script} on the options' data; run it with {@link PaperSession#run()}. */
    public PaperSession prepareStart(String name, Path script, RunSettings options, Speed speed, PaperSession.Wiring wiring, PrintWriter err) {
        AccountFiles files = home.account(name);
        if (options.out().isPresent()) {
            throw new IllegalArgumentException("a paper session writes its files into its account folder " + files.dir() + "; --out does not apply");
        }
        if (files.exists()) {
            throw new IllegalArgumentException("paper account '" + name + "' already exists; continue it with 'paper resume " + name
                    + "' or choose another name");
        }
        LiveData data = LiveData.load(options.dataOrDefault(ProjectHome.get()), options.lenient(), options.barPeriod(), err);
        RunSpec spec = service.spec(script, options, Map.of(), data.inputs());
        SessionConfig config = new SessionConfig(name, ProjectHome.display(script), options.paramOverrides(), data.refs(),
                options.bar(), options.lenient(), speed, options.cash(), options.lot(), options.execution(), options.risk(),
                options.stopLossPct(), options.takeProfitPct(), WallClock.SYSTEM.instant().toString());
        return PaperSession.start(files, config, script, spec, data.feed(), timed(wiring, spec));
    }

    /**
     * A new account running {@code script} on a broker's live prices instead of data files; the
     * feed paces itself, so the session runs at the market's pace.
     */
    public PaperSession prepareStartLive(String name, Path script, RunSettings options, LiveFeed live, PaperSession.Wiring wiring) {
        AccountFiles files = home.account(name);
        if (options.out().isPresent()) {
            throw new IllegalArgumentException("a paper session writes its files into its account folder " + files.dir() + "; --out does not apply");
        }
        if (!options.data().isEmpty()) throw new IllegalArgumentException("--feed " + live.source() + " trades on live prices; --data does not apply");
        if (files.exists()) {
            throw new IllegalArgumentException("paper account '" + name + "' already exists; choose another name");
        }
        RunSpec spec = service.spec(script, options, Map.of(), live.inputs());
        SessionConfig config = new SessionConfig(name, ProjectHome.display(script), options.paramOverrides(), live.refs(),
                Optional.of(io.tradeshell.engine.data.BarPeriods.format(live.bar())), options.lenient(), Speed.MAX, options.cash(), options.lot(),
                options.execution(), options.risk(), options.stopLossPct(), options.takeProfitPct(), WallClock.SYSTEM.instant().toString());
        try {
            Files.createDirectories(files.dir());
            Files.deleteIfExists(files.feed()); // left by a start that failed before the account was made
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create paper account " + files.dir() + ": " + e.getMessage(), e);
        }
        // what the feed delivers is kept with the account, so 'paper resume' can re-run the session
        return PaperSession.start(files, config, script, spec, RecordedFeed.open(files.feed(), live.feed()), timed(wiring, spec));
    }

    /**
     * An account that traded on live prices, continued: the prices it was fed are played again
     * from {@code feed.jsonl} to rebuild it from its journal, then {@code live} goes on.
     */
    public PaperSession prepareResumeLive(String name, LiveFeed live, boolean repairJournal, PaperSession.Wiring wiring) {
        AccountFiles files = home.existing(name);
        SessionConfig config = SessionConfig.read(files.session());
        if (!Files.exists(files.feed())) {
            throw new IllegalArgumentException("paper account '" + name + "' traded on live prices but does not hold them (no " + files.feed().getFileName()
                    + ": it was started by an earlier version), so it cannot be re-run to rebuild it; 'paper status " + name + "' shows it as it was left");
        }
        CompiledScript script = service.compile(files.script());
        SavedModels saved = Files.isDirectory(files.dir().resolve("models"))
                ? SavedModels.fittingMissing(ModelFolder.open(files.dir())) : SavedModels.NONE;
        RunSpec spec = new RunSpec(config.script(), script.withParams(config.params(), saved), live.inputs(), config.execution(),
                config.cash(), config.risk(), config.lot(), config.exits());
        return PaperSession.resume(files, config, spec, RecordedFeed.open(files.feed(), live.feed()), timed(wiring, spec), repairJournal);
    }

    /**
     * An existing account continued with its own script copy, data and settings.
     *
     * @param speed         another speed for this run of the session (the account keeps its own)
     * @param repairJournal drop a torn last journal line instead of refusing to go on
     */
    public PaperSession prepareResume(String name, Optional<Speed> speed, boolean repairJournal, PaperSession.Wiring wiring, PrintWriter err) {
        AccountFiles files = home.existing(name);
        SessionConfig config = SessionConfig.read(files.session());
        if (LiveFeed.isLive(config)) {
            throw new IllegalArgumentException("paper account '" + name + "' trades on live prices (" + config.data().getFirst().file()
                    + "): it is resumed from the command line, 'paper resume " + name + "', which connects to the feed again");
        }
        if (speed.isPresent()) config = config.withSpeed(speed.get());
        LiveData data = LiveData.load(config, err);
        CompiledScript script = service.compile(files.script());
        // the models the session trained so far are loaded, not fitted again; later retrainings are fitted as before
        SavedModels saved = Files.isDirectory(files.dir().resolve("models"))
                ? SavedModels.fittingMissing(ModelFolder.open(files.dir())) : SavedModels.NONE;
        RunSpec spec = new RunSpec(config.script(), script.withParams(config.params(), saved), data.inputs(), config.execution(),
                config.cash(), config.risk(), config.lot(), config.exits());
        return PaperSession.resume(files, config, spec, data.feed(), timed(wiring, spec), repairJournal);
    }

    /** The wiring with its event and status lines writing times at the precision of the session's bars. */
    private static PaperSession.Wiring timed(PaperSession.Wiring wiring, RunSpec spec) {
        if (wiring.status() instanceof StatusLine s) s.times().use(spec);
        return wiring;
    }

    /** Starts a new account's session on a thread of its own; events go to {@code out}. */
    public Background start(String name, Path script, RunSettings options, Speed speed, PrintWriter out, boolean quiet) {
        PaperSession s = prepareStart(name, script, options, speed, wiring(name, out, quiet, StatusLine.off(), () -> false), out);
        return inBackground(name, s);
    }

    /** Resumes an account's session on a thread of its own. */
    public Background resume(String name, Optional<Speed> speed, boolean repairJournal, PrintWriter out, boolean quiet) {
        PaperSession s = prepareResume(name, speed, repairJournal, wiring(name, out, quiet, StatusLine.off(), () -> false), out);
        return inBackground(name, s);
    }

    /**
     * Runs a prepared session in this thread to its end, then keeps the strategy's price overlays
     * beside the account's files, as a run does, for the HTML report's price chart.
     */
    public PaperSession.Outcome run(String name, PaperSession session) {
        PaperSession.Outcome outcome = session.run();
        session.loop().ifPresent(loop -> RunCharts.writeOverlays(loop, home.account(name).dir()));
        return outcome;
    }

    private Background inBackground(String name, PaperSession session) {
        CompletableFuture<PaperSession.Outcome> outcome = new CompletableFuture<>();
        Thread.ofPlatform().name("paper " + name).start(() -> {
            try {
                outcome.complete(run(name, session));
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        });
        return new Background(name, session, outcome);
    }

    public boolean isRunning(String name) {
        return AccountLock.holder(home.existing(name)).isPresent();
    }

    public AccountStatus status(String name) { return accounts.status(name); }

    public List<AccountStatus.OrderView> orders(String name) { return accounts.status(name).openOrders(); }

    public List<AccountStatus.PositionView> positions(String name) { return accounts.status(name).positions(); }

    public List<AccountStatus> list() { return accounts.list(); }

    public PaperAccounts.Sent cancel(String name, long orderId) { return send(name, OperatorCommand.Kind.CANCEL, orderId); }

    public PaperAccounts.Sent flatten(String name) { return send(name, OperatorCommand.Kind.FLATTEN, 0); }

    /** The kill switch: halt trading, cancel every order, flatten every position. */
    public PaperAccounts.Sent kill(String name) { return send(name, OperatorCommand.Kind.KILL, 0); }

    public PaperAccounts.Sent pause(String name) { return send(name, OperatorCommand.Kind.PAUSE, 0); }

    /** Trading again in a running session after a pause, a daily stop or a halt. */
    public PaperAccounts.Sent resumeTrading(String name) { return send(name, OperatorCommand.Kind.RESUME, 0); }

    public PaperAccounts.Sent stop(String name) { return send(name, OperatorCommand.Kind.STOP, 0); }

    /** A parent order worked by an execution algo in the running session, as a strategy's would be. */
    public PaperAccounts.Sent startAlgo(String name, AlgoOrder algo) {
        // a symbol the account does not trade is refused here, before anything reaches its journal
        List<String> symbols = SessionConfig.read(home.existing(name).session()).data().stream().map(SessionConfig.DataRef::symbol).toList();
        if (!symbols.contains(algo.symbol())) {
            throw new IllegalArgumentException("paper account " + name + " does not trade " + algo.symbol() + " (it trades " + String.join(", ", symbols) + ")");
        }
        return accounts.command(name, OperatorCommand.Kind.ALGO, 0, algo, PaperAccounts.REPLY_TIMEOUT_MILLIS);
    }

    /** Cancels a working parent order and its working children. */
    public PaperAccounts.Sent cancelAlgo(String name, long parentId) { return send(name, OperatorCommand.Kind.CANCEL_ALGO, parentId); }

    private PaperAccounts.Sent send(String name, OperatorCommand.Kind kind, long orderId) {
        return accounts.command(name, kind, orderId, PaperAccounts.REPLY_TIMEOUT_MILLIS);
    }
}
