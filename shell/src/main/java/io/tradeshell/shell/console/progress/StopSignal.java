package io.tradeshell.shell.console.progress;

/**
 * Ctrl-C while a command works: a run in progress is asked to stop at its next check (its
 * output files stay whole); Groovy code is interrupted, which ends its loops. Either way the
 * console stays.
 */
public final class StopSignal {
    private volatile boolean requested;
    private volatile Thread worker;
    private volatile int runs;
    private volatile Runnable alsoOnStop;

    /** The calling thread starts a command that Ctrl-C may stop. */
    public void begin() {
        requested = false;
        worker = Thread.currentThread();
    }

    /** The command is over: forget the request and any interrupt it left. */
    public void end() {
        worker = null;
        requested = false;
        runs = 0;
        alsoOnStop = null;
        Thread.interrupted();
    }

    /** Ctrl-C was pressed. */
    public void fire() {
        requested = true;
        Runnable also = alsoOnStop;
        if (also != null) also.run();
        Thread w = worker;
        // a run is stopped through its flag: interrupting it could close its output files mid-write
        if (w != null && runs == 0) w.interrupt();
    }

    /** Something else that stops the current command, such as a Java snippet running on its own thread. */
    public void alsoOnStop(Runnable stop) {
        this.alsoOnStop = stop;
    }

    public boolean requested() {
        return requested;
    }

    /** A run starts on the worker thread; until it ends, Ctrl-C only sets the flag. */
    public void runStarted() {
        runs++;
    }

    public void runEnded() {
        runs = Math.max(0, runs - 1);
    }
}
