package io.tradeshell.engine.clock;

/** A clock that stands still until the event loop moves it to the time of the next event. */
public final class SimulatedClock implements Clock {
    private long now;

    public SimulatedClock(long start) { this.now = start; }

    @Override
    public long now() { return now; }

    /** Moves time forward; it never goes back. */
    public void advanceTo(long time) {
        if (time > now) now = time;
    }
}
