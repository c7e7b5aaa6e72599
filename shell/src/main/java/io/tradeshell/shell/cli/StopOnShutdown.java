package io.tradeshell.shell.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Turns Ctrl-C (or a plain kill) into a clean stop of a live run or paper session: the
 * session is asked to stop, and the process waits a little for it to write its last lines.
 * A stop request, as a supplier the session polls; close it when the session is over.
 */
final class StopOnShutdown implements BooleanSupplier, AutoCloseable {
    private static final long GRACE_SECONDS = 10;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private StopOnShutdown() {
        this.hook = new Thread(() -> {
            requested.set(true);
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop on shutdown");
    }

    static StopOnShutdown install() {
        StopOnShutdown s = new StopOnShutdown();
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    @Override
    public boolean getAsBoolean() {
        return requested.get() || Thread.currentThread().isInterrupted();
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it only waits for the count-down above
        }
    }
}
