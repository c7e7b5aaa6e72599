package io.tradeshell.shell.console.view;

/** Durations as a clock shows them; times of day are {@link io.tradeshell.engine.time.IsoTime}'s. */
public final class Times {
    private Times() { }

    /** A duration in seconds as {@code 0:42}, {@code 12:05} or {@code 1:02:03}. */
    public static String clock(long seconds) {
        long s = Math.max(0, seconds);
        if (s >= 3600) return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
