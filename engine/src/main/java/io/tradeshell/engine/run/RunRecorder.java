package io.tradeshell.engine.run;

import io.tradeshell.engine.events.EventListener;

/** Keeps what a run produces: its events and one equity point per bar time. */
public interface RunRecorder extends EventListener {
    /** Records nothing: for runs kept in memory only (sweeps, tests, the console). */
    RunRecorder NONE = new RunRecorder() {
        @Override
        public void on(io.tradeshell.engine.events.TradingEvent event) { }

        @Override
        public void onEquity(long time, double equity, double cash, double exposure, double benchmark) { }
    };

    void onEquity(long time, double equity, double cash, double exposure, double benchmark);

    /** The run has ended (or stopped); flush and close whatever is open. */
    default void finish(RunResult result) { }
}
