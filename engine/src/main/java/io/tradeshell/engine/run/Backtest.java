package io.tradeshell.engine.run;

import io.tradeshell.engine.strategy.ExitPlan;

/** The backtest mode: history replayed as fast as it can be, into the one event loop. */
public final class Backtest {
    private Backtest() { }

    public static TradingLoop loop(RunSpec spec, RunRecorder recorder) {
        return loop(spec, recorder, spec.exits());
    }

    /** A backtest whose positions get {@code exits} (instead of the spec's) unless the strategy sets its own. */
    public static TradingLoop loop(RunSpec spec, RunRecorder recorder, ExitPlan exits) {
        return new TradingLoop(spec, "backtest", barFeed(spec), recorder, exits);
    }

    /** The spec's bars replayed in time order, as fast as they can be. */
    public static HistoricalBarFeed barFeed(RunSpec spec) {
        return new HistoricalBarFeed(spec.traded().stream().map(DataInput::bars).toList());
    }

    public static RunResult run(RunSpec spec, RunRecorder recorder) {
        return loop(spec, recorder).run();
    }

    /** A run that keeps its results in memory only (sweeps, tests, the console). */
    public static RunResult run(RunSpec spec) {
        return run(spec, RunRecorder.NONE);
    }
}
