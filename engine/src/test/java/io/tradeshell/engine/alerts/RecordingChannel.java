package io.tradeshell.engine.alerts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A channel that keeps what it is sent; it can be held shut to play a slow webhook. */
final class RecordingChannel implements AlertChannel {
    final List<Alert> received = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch gate;
    volatile boolean closed;

    RecordingChannel() { this(0); }

    /** @param held 1 to make every send wait until {@link #release()} */
    RecordingChannel(int held) { this.gate = new CountDownLatch(held); }

    void release() { gate.countDown(); }

    @Override
    public void send(Alert alert) {
        started.countDown();
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        received.add(alert);
    }

    @Override
    public String name() { return "recorder"; }

    @Override
    public void close() { closed = true; }
}
