package io.tradeshell.engine.data;

import java.time.Duration;

/** Bar periods as users write them: {@code 30s}, {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h}, {@code 4h}, {@code 1d}. */
public final class BarPeriods {
    private BarPeriods() { }

    /**
     * A positive whole number followed by a unit: s (seconds), m (minutes), h (hours) or
     * d (days).
     *
     * @throws IllegalArgumentException for anything else, saying what is accepted
     */
    public static Duration parse(String text) {
        String s = text == null ? "" : text.trim();
        int n = s.length();
        if (n >= 2 && isDigits(s, n - 1) && n - 1 <= 9) {
            long amount = Long.parseLong(s.substring(0, n - 1));
            if (amount > 0) {
                switch (s.charAt(n - 1)) {
                    case 's': return Duration.ofSeconds(amount);
                    case 'm': return Duration.ofMinutes(amount);
                    case 'h': return Duration.ofHours(amount);
                    case 'd': return Duration.ofDays(amount);
                    default: break;
                }
            }
        }
        throw new IllegalArgumentException("bar period '" + text + "' is not understood: write a positive whole number"
                + " and a unit s, m, h or d, such as 30s, 1m, 5m, 15m, 1h, 4h or 1d");
    }

    /** The shortest way to write {@code period} in the form {@link #parse} reads, e.g. {@code 5m}. */
    public static String format(Duration period) {
        long ms = period.toMillis();
        if (ms > 0 && ms % 1000 == 0) {
            long s = ms / 1000;
            if (s % 86_400 == 0) return s / 86_400 + "d";
            if (s % 3600 == 0) return s / 3600 + "h";
            if (s % 60 == 0) return s / 60 + "m";
            return s + "s";
        }
        return ms + "ms";
    }

    private static boolean isDigits(String s, int end) {
        for (int i = 0; i < end; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') return false;
        }
        return true;
    }
}
