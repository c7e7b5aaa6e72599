package io.tradeshell.engine.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lets through at most one alert of a kind per window of the run's clock. The ones held back
 * are counted, and the count rides on the next one let through: "(3 identical alerts
 * suppressed since ...)". Not thread-safe: the router calls it under its lock.
 */
final class RepeatLimiter {
    /** Past this many kinds, kinds that are quiet and owe no count are forgotten. */
    private static final int SWEEP_AT = 4096;

    private static final class Kind {
        long lastSent;
        int held;
        Alert lastHeld;
    }

    private final long windowMillis;
    private final Map<String, Kind> kinds = new HashMap<>();
    private int sweepAt = SWEEP_AT;

    RepeatLimiter(long windowMillis) {
        if (windowMillis < 0) throw new IllegalArgumentException("repeat window must be >= 0");
        this.windowMillis = windowMillis;
    }

    /** The alert to send now, carrying the count held back since the last of its kind, or empty to hold it back. */
    Optional<Alert> admit(String key, Alert a) {
        Kind k = kinds.get(key);
        if (k != null && a.time() - k.lastSent < windowMillis) {
            k.held++;
            k.lastHeld = a;
            return Optional.empty();
        }
        if (k == null) {
            if (kinds.size() >= sweepAt) sweep(a.time());
            k = new Kind();
            kinds.put(key, k);
        }
        Alert out = k.held > 0 ? a.withMessage(a.message() + note(k.held, k.lastSent)) : a;
        k.lastSent = a.time();
        k.held = 0;
        k.lastHeld = null;
        return Optional.of(out);
    }

    /**
     * For each kind with alerts still held back (no later one came to carry the count): its
     * last held alert, let through, with the count of the others. Clears those counts.
     */
    List<Alert> release() {
        List<Alert> out = new ArrayList<>();
        for (Kind k : kinds.values()) {
            if (k.held == 0) continue;
            int others = k.held - 1;
            out.add(others > 0 ? k.lastHeld.withMessage(k.lastHeld.message() + note(others, k.lastSent)) : k.lastHeld);
            k.held = 0;
            k.lastHeld = null;
        }
        out.sort((x, y) -> Long.compare(x.time(), y.time()));
        return out;
    }

    static String note(int held, long since) {
        return " (" + held + " identical alert" + (held == 1 ? "" : "s") + " suppressed since " + Instant.ofEpochMilli(since) + ")";
    }

    private void sweep(long now) {
        for (Iterator<Kind> it = kinds.values().iterator(); it.hasNext(); ) {
            Kind k = it.next();
            if (k.held == 0 && now - k.lastSent >= windowMillis) it.remove();
        }
        // if most kinds are still live, wait for twice as many before sweeping again
        sweepAt = Math.max(SWEEP_AT, 2 * kinds.size());
    }
}
