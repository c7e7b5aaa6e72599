package io.tradeshell.shell.app.trading;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * One piece of a command's work done on a thread of its own while the command goes on with
 * another (a script compiling while the data loads, charts drawn while files are written). Its
 * failure reaches whoever waits for it as the exception it threw, so errors read as they would
 * had the work been done in line.
 */
public final class Background<T> {
    private final FutureTask<T> task;

    private Background(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code work} on a daemon thread named {@code name}: a run's end never waits for it. */
    public static <T> Background<T> start(String name, Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread.ofPlatform().name(name).daemon().start(task);
        return new Background<>(task);
    }

    /** Waits for the work and returns its result, or throws what it threw. */
    public T join() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;   // the work is short and bounded: finish waiting, keep the interrupt
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Waits for the work and drops its outcome, failure included (for work whose result is only a head start). */
    public void settle() {
        try {
            join();
        } catch (RuntimeException | Error e) {
            // the caller does the work again in line, where a failure is reported as usual
        }
    }
}
