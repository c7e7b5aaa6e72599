package io.tradeshell.engine.run;

import java.time.Instant;

/**
 * Real time, as opposed to the feed's time: used to pace live feeds, to space status
 * snapshots and to stamp when a run started. Tests plug in a clock they move by hand.
 */
public interface WallClock {
    /** The system clock. */
    WallClock SYSTEM = SystemWallClock.INSTANCE;

    /** Now, in epoch millis. */
    long millis();

    /** Waits about {@code millis} (a test clock just moves on). */
    void sleep(long millis) throws InterruptedException;

    default Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
