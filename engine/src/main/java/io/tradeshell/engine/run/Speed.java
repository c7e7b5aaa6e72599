package io.tradeshell.engine.run;

import java.util.Locale;

/**
 * How fast a live feed replays its history: {@code 1x} is real time, {@code 60x} plays an
 * hour in a minute, {@code max} does not wait at all.
 */
public record Speed(double factor) {
    public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);
    public static final Speed REAL_TIME = new Speed(1);

    public Speed {
        if (!(factor > 0)) throw new IllegalArgumentException("speed must be positive, was " + factor);
    }

    /** Reads {@code 1x}, {@code 10x}, {@code 60x}, {@code 0.5x}, {@code 3600x} or {@code max}. */
    public static Speed parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("max")) return MAX;
        if (s.endsWith("x")) {
            try {
                double f = Double.parseDouble(s.substring(0, s.length() - 1));
                if (f > 0 && Double.isFinite(f)) return new Speed(f);
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new IllegalArgumentException("speed '" + text + "' is not understood: use 1x, 10x, 60x (any positive multiple of real time) or max");
    }

    public boolean isMax() {
        return factor == Double.POSITIVE_INFINITY;
    }

    /** The wall time, in millis, that {@code feedMillis} of feed time takes at this speed. */
    public long wallMillis(long feedMillis) {
        return isMax() ? 0 : (long) Math.ceil(feedMillis / factor);
    }

    @Override
    public String toString() {
        if (isMax()) return "max";
        return (factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor)) + "x";
    }
}
