package io.tradeshell.engine.run;

import io.tradeshell.engine.strategy.ExitPlan;

/** The backtest mode: history replayed as fast as it can be, into the one event loop. */
public final class Backtest {
    private Backtest() { }

    public static TradingLoop loop(RunSpec spec, RunRecorder recorder) {
        var feed = new HistoricalBarFeed(spec.data().stream().map(DataInput::bars).toList());
        return new TradingLoop(spec, "backtest", feed, recorder, ExitPlan.NONE);
    }

    public static RunResult run(RunSpec spec, RunRecorder recorder) {
        return loop(spec, recorder).run();
    }

    /** A run that keeps its results in memory only (sweeps, tests, the console). */
    public static RunResult run(RunSpec spec) {
        return run(spec, RunRecorder.NONE);
    }

}
