package io.tradeshell.engine.paper;

import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.journal.JournalCursor;
import io.tradeshell.engine.journal.JournalEntry;
import io.tradeshell.engine.journal.JournalException;
import io.tradeshell.engine.journal.JournalFile;
import io.tradeshell.engine.journal.JournalWriter;
import io.tradeshell.engine.journal.RunOutputWriter;
import io.tradeshell.engine.order.ParentOrderSnapshot;
import io.tradeshell.engine.order.ParentStatus;
import io.tradeshell.engine.portfolio.Portfolio;
import io.tradeshell.engine.run.CompositeRecorder;
import io.tradeshell.engine.run.Feed;
import io.tradeshell.engine.run.LiveStatus;
import io.tradeshell.engine.run.PacedFeed;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.TradingLoop;
import io.tradeshell.engine.run.WallClock;
import io.tradeshell.engine.trade.ExitReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A paper-trading session: a strategy on a live feed against a persistent account, in the one
 * event loop with the simulated broker. Around the loop it keeps the account's journal (written
 * before anything takes effect), the same output files as any run, a status file for other
 * processes, and an inbox of operator commands taken between feed events. One process at a
 * time runs an account, under its lock.
 *
 * <p><b>Resuming.</b> A stopped or crashed session is continued by running it again from the
 * start of its feed: the loop is deterministic, so the re-run reproduces every journal line,
 * which the journal writer checks byte for byte while it writes nothing, and operator commands
 * are carried out again at the feed positions the journal recorded. The account, its working
 * orders (with their ids), the risk layer's state and the strategy's own state, indicators and
 * protective orders included, come out exactly as they were, with no order sent twice. The
 * replay is not paced; from the feed position the journal had reached, the session is live
 * again and appends. A journal the re-run does not reproduce (another script, other data)
 * stops the session with the first line that differs.
 */
public final class PaperSession {
    /** What a session is plugged into besides its account. */
    public record Wiring(WallClock wall, EventListener console, EventListener alerts, LiveStatus.Listener status,
                         Consumer<String> log, BooleanSupplier interrupt, long statusEveryMillis, long pollEveryMillis) {
        /** System clock, nothing printed, no alerts. */
        public static Wiring quiet() {
            return new Wiring(WallClock.SYSTEM, e -> { }, e -> { }, LiveStatus.Listener.NONE, s -> { }, () -> false, 250, 50);
        }

        public Wiring withWall(WallClock w) { return new Wiring(w, console, alerts, status, log, interrupt, statusEveryMillis, pollEveryMillis); }

        /** Hears the live session's events: risk denials, halts and rejections to show on the console. */
        public Wiring withConsole(EventListener c) { return new Wiring(wall, c, alerts, status, log, interrupt, statusEveryMillis, pollEveryMillis); }

        /** Hears the live session's events for the alert channels (not the replayed ones). */
        public Wiring withAlerts(EventListener a) { return new Wiring(wall, console, a, status, log, interrupt, statusEveryMillis, pollEveryMillis); }

        public Wiring withStatus(LiveStatus.Listener s) { return new Wiring(wall, console, alerts, s, log, interrupt, statusEveryMillis, pollEveryMillis); }

        /** Hears the session's own messages: replayed, resumed, operator commands, stopped. */
        public Wiring withLog(Consumer<String> l) { return new Wiring(wall, console, alerts, status, l, interrupt, statusEveryMillis, pollEveryMillis); }

        public Wiring withInterrupt(BooleanSupplier i) { return new Wiring(wall, console, alerts, status, log, i, statusEveryMillis, pollEveryMillis); }
    }

    /**
     * How a session went.
     *
     * @param replayedLines journal lines the resume reproduced before going live
     * @param ending        "finished" (the feed ran out) or "stopped"
     */
    public record Outcome(RunResult result, AccountStatus status, int replayedLines, boolean resumed, String ending) { }

    private final AccountFiles files;
    private final SessionConfig config;
    private final Path scriptSource;
    private final RunSpec spec;
    private final Feed feed;
    private final Wiring wiring;
    private final boolean resuming;
    private final boolean repairTornLine;

    private final AtomicBoolean stop = new AtomicBoolean();
    private TradingLoop loop;
    private JournalWriter journal;
    private CommandInbox inbox;
    private long nextPoll = Long.MIN_VALUE, nextStatus = Long.MIN_VALUE;
    /** Ids of the operator commands the journal holds, so a command is carried out once (read by the kill watch too). */
    private final java.util.Set<String> carriedOut = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** A kill the watch took from the inbox while the trading thread was stuck in an event, not yet carried out. */
    private final java.util.concurrent.atomic.AtomicReference<CommandInbox.Received> busyKill = new java.util.concurrent.atomic.AtomicReference<>();
    private volatile boolean liveNow;
    /** Where the session's orders go: the simulated broker unless a real one is plugged in. */
    private io.tradeshell.engine.broker.BrokerFactory brokers;
    private volatile long lastBetween = Long.MAX_VALUE;
    /** Why a resume cannot continue this account, if it cannot. */
    private java.util.Optional<String> notResumable = java.util.Optional.empty();

    private PaperSession(AccountFiles files, SessionConfig config, Path scriptSource, RunSpec spec, Feed feed, Wiring wiring,
                         boolean resuming, boolean repairTornLine) {
        this.files = files;
        this.config = config;
        this.scriptSource = scriptSource;
        this.spec = spec;
        this.feed = feed;
        this.wiring = wiring;
        this.resuming = resuming;
        this.repairTornLine = repairTornLine;
    }

    /**
     * A new account: {@code config} is saved and {@code script} copied into the account when
     * the session starts. {@code feed} delivers the spec's data unpaced; the session paces it.
     */
    public static PaperSession start(AccountFiles files, SessionConfig config, Path script, RunSpec spec, Feed feed, Wiring wiring) {
        return new PaperSession(files, config, script, spec, feed, wiring, false, false);
    }

    /**
     * An existing account, continued from its journal. {@code spec} and {@code feed} must be
     * built from the account's own settings, script copy and data.
     *
     * @param repairTornLine drop a torn last journal line (recorded in the journal) instead of refusing
     */
    public static PaperSession resume(AccountFiles files, SessionConfig config, RunSpec spec, Feed feed, Wiring wiring,
                                      boolean repairTornLine) {
        return new PaperSession(files, config, null, spec, feed, wiring, true, repairTornLine);
    }

    /** Sends the session's orders to {@code brokers} (a real broker's adapter) instead of the simulated broker. */
    public PaperSession withBroker(io.tradeshell.engine.broker.BrokerFactory brokers) {
        this.brokers = brokers;
        return this;
    }

    /** This account cannot be continued by a resume, for {@code why}: a stop says so instead of offering one. */
    public PaperSession notResumable(String why) {
        this.notResumable = java.util.Optional.of(why);
        return this;
    }

    /**
     * The journal as a real broker's adapter needs it on a resume: it answers from the journal
     * while the session is re-run, and talks to the broker again once the replay has caught up.
     */
    public io.tradeshell.engine.broker.JournalReplay journalReplay() {
        return new io.tradeshell.engine.broker.JournalReplay() {
            public boolean replaying() { return journal != null && journal.replaying(); }

            public java.util.Optional<com.fasterxml.jackson.databind.JsonNode> nextAtThisPosition() {
                return journal == null ? java.util.Optional.empty() : journal.nextAtThisPosition().map(JournalEntry::json);
            }
        };
    }

    /** The session's event loop, once {@link #run()} has built it (for charts after the session). */
    public java.util.Optional<TradingLoop> loop() {
        return java.util.Optional.ofNullable(loop);
    }

    /** Asks the session to stop cleanly at the next feed event (from any thread). */
    public void requestStop() {
        stop.set(true);
    }

    /** Runs the session to the end of its feed or until stopped; holds the account's lock meanwhile. */
    public Outcome run() {
        AccountLock lock = AccountLock.acquire(files);
        try {
            prepareAccount();
            return play();
        } finally {
            lock.close();
            closeAlerts();
        }
    }

    /** Alert channels deliver asynchronously; closing them waits for what is queued. */
    private void closeAlerts() {
        if (wiring.alerts() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                wiring.log().accept("alerts: " + e.getMessage());
            }
        }
    }

    private void prepareAccount() {
        if (resuming) {
            if (!files.exists()) throw new IllegalArgumentException(files.missingReason());
            return;
        }
        if (files.exists()) {
            throw new IllegalArgumentException("paper account '" + files.name() + "' already exists; continue it with 'paper resume "
                    + files.name() + "' or choose another name");
        }
        try {
            Files.createDirectories(files.commands());
            Files.copy(scriptSource, files.script(), StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(files.journal());
            Files.deleteIfExists(files.status());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create paper account " + files.dir() + ": " + e.getMessage(), e);
        }
        config.write(files.session());
    }

    private Outcome play() {
        JournalFile.Contents old = JournalFile.read(files.journal());
        String repair = null;
        if (old.torn().isPresent()) {
            if (!repairTornLine) throw old.tornError();
            JournalFile.TornLine t = old.torn().get();
            JournalFile.dropTornLine(old);
            repair = "dropped torn line " + t.line() + " ('" + t.excerpt() + "')";
        }
        JournalCursor cursor = new JournalCursor(old.entries());
        for (JournalEntry e : old.entries()) {
            if (!e.isCommand()) continue;
            carriedOut.add(e.json().path("id").asText());
            if (e.json().path("interruptedStrategy").asBoolean()) {
                throw new IllegalArgumentException("paper account '" + files.name() + "' was killed while its strategy was stuck in onBar"
                        + " (journal line " + e.line() + "): a replay would stick at the same bar, so it cannot be resumed;"
                        + " 'paper status " + files.name() + "' shows the account as it was left");
            }
        }
        if ("finished".equals(JournalAccount.lastSessionEvent(old.entries()))) {
            throw new IllegalArgumentException("paper account '" + files.name() + "' has finished its feed (at position "
                    + cursor.lastPosition() + "); there is nothing to resume");
        }
        int oldLines = old.entries().size();
        // an interrupt from the kill watch is not a stop: the kill is carried out and the session goes on
        BooleanSupplier stopping = () -> stop.get() || wiring.interrupt().getAsBoolean()
                || (Thread.currentThread().isInterrupted() && busyKill.get() == null);
        PacedFeed paced = new PacedFeed(feed, config.speed(), wiring.wall()).paceFrom(cursor.lastPosition()).stopWhen(stopping);
        Portfolio portfolio = new Portfolio(spec.cash(), feed.symbols());
        inbox = new CommandInbox(files);
        journal = new JournalWriter(files.journal(), cursor, paced::position, () -> loop.now(), portfolio);
        try {
            if (repair != null) {
                journal.session(Long.MIN_VALUE, "repaired", Map.of("message", repair, "wallTime", wiring.wall().instant().toString()));
                wiring.log().accept("journal repaired: " + repair);
            }
            RunOutputWriter outputs = new RunOutputWriter(files.dir(), true);
            EventListener liveOnly = e -> {
                if (!journal.replaying()) {
                    wiring.console().on(e);
                    wiring.alerts().on(e);
                }
            };
            loop = new TradingLoop(spec, "paper", paced, new CompositeRecorder(List.of(journal, outputs), List.of(liveOnly)),
                    config.exits(), portfolio, brokers != null ? brokers : TradingLoop.simulatedBroker(spec)).wallClock(wiring.wall()).checkStopEvery(1).onStopRequest(stopping);
            journal.onLive(() -> wentLive(oldLines, paced.position()));
            paced.between(this::between);
            Thread watch = startKillWatch();
            RunResult result;
            try {
                result = runThroughKills();
            } finally {
                stopKillWatch(watch);
            }
            if (journal.replaying()) {
                JournalEntry next = cursor.peek();
                throw new JournalException(JournalException.Kind.MISMATCH, next.line(), files.journal().getFileName() + " line "
                        + next.line() + " was never reproduced: the data ran out at feed position " + paced.position()
                        + " before the journal did. The data differs from the data this account was run with.");
            }
            String ending = result.stoppedEarly() ? "stopped" : "finished";
            journal.session(loop.now(), ending, Map.of("wallTime", wiring.wall().instant().toString(), "fills", loop.fillCount()));
            AccountStatus status = currentStatus().with(ending, null, null);
            status.write(files.status());
            wiring.status().onStatus(loop.status());
            wiring.log().accept(ending + " at feed position " + paced.position());
            return new Outcome(result, status, resuming ? oldLines : 0, resuming, ending);
        } finally {
            journal.close();
        }
    }

    /** The kill watch, on its own daemon thread, for as long as the loop runs. */
    private Thread startKillWatch() {
        BusyKillWatch.Session session = new BusyKillWatch.Session() {
            public boolean live() { return liveNow; }
            public long lastBetween() { return lastBetween; }
            public boolean handOver(CommandInbox.Received kill) { return liveNow && busyKill.compareAndSet(null, kill); }
        };
        long grace = Math.max(200, 4 * wiring.pollEveryMillis());
        BusyKillWatch w = new BusyKillWatch(inbox, WallClock.SYSTEM, session, Thread.currentThread(), wiring.pollEveryMillis(), grace,
                carriedOut::contains, () -> false);
        return Thread.ofPlatform().daemon().name("kill-watch-" + files.name()).start(w);
    }

    /** Ends the watch before the session goes on, so no interrupt of its can reach the thread afterwards. */
    private void stopKillWatch(Thread watch) {
        liveNow = false;
        watch.interrupt();
        try {
            watch.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (busyKill.getAndSet(null) != null) Thread.interrupted(); // a kill handed over too late to act on
    }

    /**
     * Runs the loop; when the kill watch interrupted a strategy stuck in onBar (the loop ends
     * with the strategy's failure), carries the kill out here, on the trading thread, with the
     * strategies switched off, and lets the feed go on so the flattening orders fill.
     */
    private RunResult runThroughKills() {
        while (true) {
            try {
                return loop.run();
            } catch (RuntimeException e) {
                if (busyKill.get() == null) throw e;
                carryOutBusyKill(true);
            }
        }
    }

    /** The kill the watch handed over: journaled, carried out and answered like any command. */
    private void carryOutBusyKill(boolean strategyInterrupted) {
        CommandInbox.Received r = busyKill.getAndSet(null);
        Thread.interrupted(); // the watch's interrupt has done its work
        if (r == null) return;
        OperatorCommand c = r.command();
        if (carriedOut.add(c.id())) {
            Map<String, Object> fields = new LinkedHashMap<>(c.fields());
            if (strategyInterrupted) fields.put("interruptedStrategy", true);
            journal.command(loop.now(), fields);
            String what = openWork();
            CommandReply reply;
            if (strategyInterrupted) {
                loop.killSwitchInterrupting("kill switch pulled by the operator while the strategy was stuck in onBar");
                reply = new CommandReply(c.id(), true, "kill switch: trading halted; " + what
                        + "; the strategy, stuck in onBar, was interrupted and switched off");
            } else {
                loop.killSwitch("kill switch pulled by the operator");
                reply = new CommandReply(c.id(), true, "kill switch: trading halted; " + what);
            }
            currentStatus().write(files.status());
            inbox.reply(reply);
            wiring.log().accept("operator: " + c + ": " + reply.message());
        }
        inbox.done(r);
        nextStatus = Long.MIN_VALUE;
    }

    private void wentLive(int replayedLines, long position) {
        liveNow = true;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("wallTime", wiring.wall().instant().toString());
        info.put("pid", ProcessHandle.current().pid());
        info.put("speed", config.speed().toString());
        if (resuming) {
            info.put("replayedLines", replayedLines);
            journal.session(loop.now(), "resumed", info);
            wiring.log().accept("rebuilt the account from " + replayedLines + " journal lines; live again at feed position " + position);
        } else {
            info.put("script", config.script());
            journal.session(Long.MIN_VALUE, "started", info);
        }
    }

    /** Between feed events: replayed commands while catching up, then the inbox and the status file. */
    private void between(long position) {
        lastBetween = System.nanoTime() / 1_000_000; // real time: a paced test clock must not make the loop look stuck
        // a kill handed over just as the trading thread came back between events: no strategy was cut short
        if (busyKill.get() != null) carryOutBusyKill(false);
        if (journal.replaying()) replayCommands(position);
        boolean live = !journal.replaying() && position >= journal.cursor().lastPosition();
        long now = wiring.wall().millis();
        // Commands wait for the first event: before it there is no time to stamp them with.
        List<CommandInbox.Received> commands = List.of();
        List<CommandReply> replies = new ArrayList<>();
        if (live && position > 0 && now >= nextPoll) {
            nextPoll = now + wiring.pollEveryMillis();
            commands = inbox.take();
            for (CommandInbox.Received r : commands) {
                OperatorCommand c = r.command();
                if (carriedOut.add(c.id())) {
                    journal.command(loop.now(), c.fields());
                    CommandReply reply = carryOut(c, false);
                    replies.add(reply);
                    wiring.log().accept("operator: " + c + ": " + reply.message());
                } else {
                    replies.add(new CommandReply(c.id(), true, "'" + c + "' was carried out before the session was interrupted"));
                }
            }
            if (!commands.isEmpty()) {
                // the status file shows a command's effect before its sender hears the answer
                currentStatus().write(files.status());
                nextStatus = Long.MIN_VALUE;
            }
        }
        if (now >= nextStatus) {
            nextStatus = now + wiring.statusEveryMillis();
            if (live) currentStatus().write(files.status());
            wiring.status().onStatus(loop.status());
        }
        // Replies go out after the status file, so an operator who reads the status on a reply sees the command's effect.
        for (CommandReply reply : replies) inbox.reply(reply);
        for (CommandInbox.Received r : commands) inbox.done(r);
    }

    private void replayCommands(long position) {
        JournalCursor cursor = journal.cursor();
        for (JournalEntry e = cursor.peek(); e != null && e.isCommand(); e = cursor.peek()) {
            if (e.position() > position) return;
            if (e.position() < position) {
                throw new JournalException(JournalException.Kind.MISMATCH, e.line(), files.journal().getFileName() + " line " + e.line()
                        + " is an operator command at feed position " + e.position() + ", which the replay passed without reaching it");
            }
            cursor.take();
            carryOut(OperatorCommand.fromJson(e.json()), true);
            if (cursor.exhausted()) journal.goLive();
        }
    }

    private CommandReply carryOut(OperatorCommand c, boolean replaying) {
        return switch (c.kind()) {
            case CANCEL -> loop.cancelOrder(c.orderId(), "cancelled by the operator")
                    ? new CommandReply(c.id(), true, "order #" + c.orderId() + " cancelled")
                    : new CommandReply(c.id(), false, "order #" + c.orderId() + " is not working");
            case FLATTEN -> {
                String what = openWork();
                loop.flattenAll("flattened by the operator");
                yield new CommandReply(c.id(), true, "flattening: " + what);
            }
            case KILL -> {
                String what = openWork();
                loop.killSwitch("kill switch pulled by the operator");
                yield new CommandReply(c.id(), true, "kill switch: trading halted; " + what);
            }
            case PAUSE -> loop.pauseTrading("paused by the operator")
                    ? new CommandReply(c.id(), true, "trading paused: no new exposure until resumed; exits still work")
                    : new CommandReply(c.id(), false, "trading is not active (" + loop.risk().state() + ")");
            case RESUME -> loop.resumeTrading("resumed by the operator")
                    ? new CommandReply(c.id(), true, "trading resumed")
                    : new CommandReply(c.id(), false, "trading is already active");
            case ALGO -> algo(c);
            case CANCEL_ALGO -> loop.algoDesk().cancel(c.orderId(), "cancelled by the operator")
                    ? new CommandReply(c.id(), true, "algo #" + c.orderId() + " cancelled, with its working children")
                    : new CommandReply(c.id(), false, "algo #" + c.orderId() + " is not working (see 'paper algos " + files.name() + "')");
            case STOP -> {
                if (!replaying) stop.set(true);
                yield new CommandReply(c.id(), true, "stopping at feed position " + loop.feed().position()
                        + notResumable.map(why -> "; this account cannot be resumed: " + why)
                                .orElse("; continue with 'paper resume " + files.name() + "'"));
            }
        };
    }

    /** The operator's parent order, worked by the run's desk like a strategy's: its children pass the risk check. */
    private CommandReply algo(OperatorCommand c) {
        ParentOrderSnapshot p;
        try {
            p = loop.startAlgo(c.algo().request(ExitReason.OPERATOR_ALGO_TAG));
        } catch (IllegalArgumentException e) {
            return new CommandReply(c.id(), false, e.getMessage());
        }
        String started = "algo #" + p.id() + " " + c.algo() + " (" + p.request().algo().describe() + ")";
        if (p.status() == ParentStatus.REJECTED) return new CommandReply(c.id(), false, started + " refused: its first child did not pass the risk check");
        return new CommandReply(c.id(), true, started + " started; " + (p.childIds().isEmpty() ? "no child due yet"
                : "first child #" + p.childIds().getFirst()) + "; 'paper algos " + files.name() + "' follows it");
    }

    private String openWork() {
        int orders = loop.broker().openOrders().size();
        int positions = loop.portfolio().openPositions().size();
        return orders + " order(s) cancelled, " + positions + " position(s) closing at market";
    }

    private AccountStatus currentStatus() {
        return AccountStatus.running(config, ProcessHandle.current().pid(), loop.status(), wiring.wall().instant().toString());
    }
}
