package io.tradeshell.engine.run;

import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.strategy.ExitPlan;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The simulated live mode: a feed played on a clock into the one event loop, with the same
 * broker, fills and outputs as a backtest. Only the feed's pacing and what listens differ, so
 * on bar data at {@link Speed#MAX} a live run is the backtest, trade for trade.
 */
public final class LiveRun {
    /** How often, in wall-clock millis, the status listener hears from a running session by default. */
    public static final long STATUS_EVERY_MILLIS = 250;

    private final RunSpec spec;
    private final Feed feed;
    private Speed speed = Speed.MAX;
    private WallClock wall = WallClock.SYSTEM;
    private ExitPlan exits;
    private RunRecorder recorder = RunRecorder.NONE;
    private EventListener listener = e -> { };
    private LiveStatus.Listener status = LiveStatus.Listener.NONE;
    private long statusEveryMillis = STATUS_EVERY_MILLIS;
    private BooleanSupplier stop = () -> Thread.currentThread().isInterrupted();

    private LiveRun(RunSpec spec, Feed feed) {
        this.spec = spec;
        this.feed = feed;
        this.exits = spec.exits();
    }

    /** A live run of {@code spec} on {@code feed} (bars of the spec, or its trades). */
    public static LiveRun of(RunSpec spec, Feed feed) {
        return new LiveRun(spec, feed);
    }

    public LiveRun speed(Speed s) { this.speed = s; return this; }

    public LiveRun wallClock(WallClock w) { this.wall = w; return this; }

    /** Protective exits instead of the spec's. */
    public LiveRun exits(ExitPlan e) { this.exits = e; return this; }

    /** Where the run's files go (a {@code RunOutputWriter} flushing each line). */
    public LiveRun recorder(RunRecorder r) { this.recorder = r; return this; }

    /**
     * Hears every event after the recorder has: the console printing risk decisions, and the
     * alert channels.
     */
    public LiveRun listener(EventListener l) { this.listener = l; return this; }

    public LiveRun onStatus(LiveStatus.Listener l, long everyMillis) {
        this.status = l;
        this.statusEveryMillis = everyMillis;
        return this;
    }

    /** Stops the run when this says so (Ctrl-C); also stops on thread interruption. */
    public LiveRun stopWhen(BooleanSupplier s) {
        this.stop = () -> s.getAsBoolean() || Thread.currentThread().isInterrupted();
        return this;
    }

    /** Builds the loop; {@link TradingLoop#run()} plays it. */
    public TradingLoop loop() {
        PacedFeed paced = new PacedFeed(feed, speed, wall).stopWhen(stop);
        RunRecorder all = new CompositeRecorder(List.of(recorder), List.of(listener));
        TradingLoop loop = new TradingLoop(spec, "live", paced, all, exits).wallClock(wall).checkStopEvery(1).onStopRequest(stop);
        long[] nextStatus = {Long.MIN_VALUE};
        paced.between(position -> {
            long now = wall.millis();
            if (now >= nextStatus[0]) {
                nextStatus[0] = now + statusEveryMillis;
                status.onStatus(loop.status());
            }
        });
        return loop;
    }

    /** Plays the run to the end of its feed or until stopped; the status listener hears the final state. */
    public RunResult run() {
        TradingLoop loop = loop();
        RunResult result = loop.run();
        status.onStatus(loop.status());
        return result;
    }
}
