package io.tradeshell.shell.console.sweeps;

import io.tradeshell.engine.optimize.CombinationFailedException;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.Optimizer;
import io.tradeshell.engine.optimize.SweepListener;
import io.tradeshell.engine.optimize.SweepProgress;
import io.tradeshell.engine.optimize.SweepResult;
import io.tradeshell.engine.optimize.SweepRow;
import io.tradeshell.engine.optimize.WalkForward;
import io.tradeshell.engine.optimize.WalkForwardListener;
import io.tradeshell.engine.optimize.WalkForwardRequest;
import io.tradeshell.engine.optimize.WalkForwardResult;
import io.tradeshell.engine.optimize.WalkForwardWindow;
import io.tradeshell.shell.console.progress.Progress;
import io.tradeshell.shell.console.progress.StopSignal;
import io.tradeshell.shell.console.runs.StoppedException;
import java.util.function.Supplier;

/**
 * Runs the session's sweeps and walk-forwards with a progress line counting combinations;
 * Ctrl-C stops them after the combinations already started.
 */
public final class SweepLauncher {
    private final StopSignal stop;
    private final Progress progress;

    public SweepLauncher(StopSignal stop, Progress progress) {
        this.stop = stop;
        this.progress = progress;
    }

    public SweepResult optimize(OptimizeRequest request) {
        return optimize(request, Optimizer::run);
    }

    /** A sweep run by {@code runner} (on a cluster, say) with the same progress line and Ctrl-C. */
    public SweepResult optimize(OptimizeRequest request, java.util.function.BiFunction<OptimizeRequest, SweepListener, SweepResult> runner) {
        String what = request.strategy().name() + " sweep";
        try (Listener listener = new Listener(what)) {
            return guarded(() -> runner.apply(request, listener));
        }
    }

    public WalkForwardResult walkForward(WalkForwardRequest request) {
        return walkForward(request, WalkForward::run);
    }

    /** A walk-forward run by {@code runner} (on a cluster, say) with the same progress line and Ctrl-C. */
    public WalkForwardResult walkForward(WalkForwardRequest request,
                                         java.util.function.BiFunction<WalkForwardRequest, WalkForwardListener, WalkForwardResult> runner) {
        try (Listener listener = new Listener(request.sweep().strategy().name() + " walk-forward")) {
            return guarded(() -> runner.apply(request, listener));
        }
    }

    /** Feeds the progress line, a fresh one per training window; polled between combinations for Ctrl-C. */
    private final class Listener implements WalkForwardListener, AutoCloseable {
        private final String what;
        private String window = "";
        private Progress.Task task;

        Listener(String what) {
            this.what = what;
        }

        @Override
        public void onWindowStart(WalkForwardWindow w, int windows) {
            close();
            window = " window " + (w.index() + 1) + "/" + windows;
        }

        @Override
        public void onRow(SweepProgress p, SweepRow row) {
            // the plan's size is known once the optimiser has made it: the line starts with the first row
            if (task == null) task = progress.start(p.total(), what + window, "combinations");
            task.onProgress(p.done(), 0);
        }

        /** Ctrl-C sets the flag rather than interrupting, so files stay whole. */
        @Override
        public boolean stopRequested() {
            return stop.requested();
        }

        @Override
        public void close() {
            if (task != null) task.close();
            task = null;
        }
    }

    private <T> T guarded(Supplier<T> body) {
        if (stop.requested()) throw new StoppedException("stopped (Ctrl-C)");
        stop.runStarted();
        try {
            return body.get();
        } catch (CombinationFailedException e) {
            // the combination's own error says what is wrong and decides the exit code, as in the headless command
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        } finally {
            stop.runEnded();
        }
    }
}
