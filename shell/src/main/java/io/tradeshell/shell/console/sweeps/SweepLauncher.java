package io.tradeshell.shell.console.sweeps;

import io.tradeshell.engine.optimize.CombinationFailedException;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.Optimizer;
import io.tradeshell.engine.optimize.SweepProgress;
import io.tradeshell.engine.optimize.SweepResult;
import io.tradeshell.engine.optimize.SweepRow;
import io.tradeshell.engine.optimize.WalkForward;
import io.tradeshell.engine.optimize.WalkForwardListener;
import io.tradeshell.engine.optimize.WalkForwardRequest;
import io.tradeshell.engine.optimize.WalkForwardResult;
import io.tradeshell.shell.console.progress.StopSignal;
import io.tradeshell.shell.console.runs.StoppedException;
import java.util.function.Supplier;

/** Runs the session's sweeps and walk-forwards; Ctrl-C stops them after the combinations already started. */
public final class SweepLauncher {
    private final StopSignal stop;

    public SweepLauncher(StopSignal stop) {
        this.stop = stop;
    }

    public SweepResult optimize(OptimizeRequest request) {
        return guarded(() -> Optimizer.run(request, new Listener()));
    }

    public WalkForwardResult walkForward(WalkForwardRequest request) {
        return guarded(() -> WalkForward.run(request, new Listener()));
    }

    /** Polled between combinations: Ctrl-C sets the flag rather than interrupting, so files stay whole. */
    private final class Listener implements WalkForwardListener {
        @Override
        public void onRow(SweepProgress progress, SweepRow row) { }

        @Override
        public boolean stopRequested() {
            return stop.requested();
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
