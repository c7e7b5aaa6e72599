package io.tradeshell.shell.console.progress;

import io.tradeshell.engine.run.TradingLoop;

/** Shows how far a long run has got; nothing at all where no one watches. */
public interface Progress {
    Progress NONE = (total, what) -> Task.NONE;

    /** Starts showing a run over {@code totalBars} bars. */
    Task start(long totalBars, String what);

    /** One run's progress display: fed by the loop, closed when the run ends. */
    interface Task extends TradingLoop.ProgressListener, AutoCloseable {
        Task NONE = new Task() {
            @Override
            public void onProgress(long barsDone, long feedTime) { }

            @Override
            public void close() { }
        };

        @Override
        void close();
    }
}
