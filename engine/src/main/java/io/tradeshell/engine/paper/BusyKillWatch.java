package io.tradeshell.engine.paper;

import io.tradeshell.engine.run.WallClock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Watches the inbox for the kill switch on its own thread, for the one case the event loop
 * cannot hear it: the trading thread stuck inside one feed event (a strategy's onBar that does
 * not return). When a kill is waiting and the trading thread has not come back between
 * events for {@code graceMillis}, the watch hands the command over and interrupts the trading
 * thread; the session carries the kill out on that thread, through the journal, as soon as
 * the strategy gives way. Every other command waits for the loop as before.
 */
final class BusyKillWatch implements Runnable {
    /** What the watch needs of its session. */
    interface Session {
        /** Whether the session is live (not replaying its journal). */
        boolean live();

        /** When the trading thread was last between two feed events, in System.nanoTime() millis. */
        long lastBetween();

        /** Takes the kill command off the watch's hands; false if one is already pending. */
        boolean handOver(CommandInbox.Received kill);
    }

    private final CommandInbox inbox;
    private final WallClock wall;
    private final Session session;
    private final Thread trading;
    private final long pollMillis, graceMillis;
    private final Predicate<String> carriedOut;
    private final BooleanSupplier finished;

    BusyKillWatch(CommandInbox inbox, WallClock wall, Session session, Thread trading, long pollMillis, long graceMillis,
                  Predicate<String> carriedOut, BooleanSupplier finished) {
        this.inbox = inbox;
        this.wall = wall;
        this.session = session;
        this.trading = trading;
        this.pollMillis = pollMillis;
        this.graceMillis = graceMillis;
        this.carriedOut = carriedOut;
        this.finished = finished;
    }

    @Override
    public void run() {
        while (!finished.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            try {
                wall.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            }
            if (!session.live() || System.nanoTime() / 1_000_000 - session.lastBetween() < graceMillis) continue;
            if (Thread.currentThread().isInterrupted()) return;
            for (CommandInbox.Received r : inbox.take()) {
                if (r.command().kind() != OperatorCommand.Kind.KILL || carriedOut.test(r.command().id())) continue;
                if (session.handOver(r)) trading.interrupt();
                break;
            }
        }
    }
}
