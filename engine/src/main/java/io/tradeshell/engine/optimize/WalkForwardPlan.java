package io.tradeshell.engine.optimize;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The window arithmetic of a walk-forward. Counting from the first bar's open time (UTC), test
 * window k covers {@code [origin + train + k * test, origin + train + (k + 1) * test)}; its
 * training window ends where it starts and begins at {@code origin + k * test} (rolling: the
 * training window keeps its length and moves by one test length) or at the origin (anchored:
 * it grows). Every boundary is computed from the origin in one step, so month ends do not
 * drift (a month after January 31 stays the last day of each month, never creeping to the 28th).
 * Windows continue while a test window starts at or before the last bar; the last may be short.
 */
public final class WalkForwardPlan {
    private WalkForwardPlan() { }

    public static List<WalkForwardWindow> windows(long firstBar, long lastBar, CalendarPeriod train, CalendarPeriod test, boolean anchored) {
        if (lastBar < firstBar) throw new IllegalArgumentException("the data has no bars");
        ZonedDateTime origin = ZonedDateTime.ofInstant(Instant.ofEpochMilli(firstBar), ZoneOffset.UTC);
        List<WalkForwardWindow> out = new ArrayList<>();
        for (int k = 0; ; k++) {
            long testFrom = millis(origin.plus(train.period().plus(test.times(k))));
            if (testFrom > lastBar) break;
            long testTo = millis(origin.plus(train.period().plus(test.times(k + 1))));
            long trainFrom = anchored ? firstBar : millis(origin.plus(test.times(k)));
            out.add(new WalkForwardWindow(k, trainFrom, testFrom, testFrom, testTo));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the data (" + Instant.ofEpochMilli(firstBar) + " .. " + Instant.ofEpochMilli(lastBar)
                    + ") is too short for a " + train + " training window followed by a test window");
        }
        return out;
    }

    private static long millis(ZonedDateTime t) {
        return t.toInstant().toEpochMilli();
    }
}
