package io.tradeshell.engine.run;

import java.util.ArrayList;
import java.util.List;

/** A wall clock that only moves when slept on, remembering every sleep. */
final class ManualWallClock implements WallClock {
    long now;
    final List<Long> sleeps = new ArrayList<>();

    ManualWallClock(long start) { this.now = start; }

    @Override
    public long millis() { return now; }

    @Override
    public void sleep(long millis) {
        sleeps.add(millis);
        now += millis;
    }
}
