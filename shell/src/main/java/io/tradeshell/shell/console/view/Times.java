package io.tradeshell.shell.console.view;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Bar times as a researcher reads them: a date for daily bars, date and time (UTC) below a day. */
public final class Times {
    private static final long DAY = 86_400_000L;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Times() { }

    /** {@code millis} at the precision that bars of {@code periodMillis} need. */
    public static String format(long millis, long periodMillis) {
        Instant t = Instant.ofEpochMilli(millis);
        if (periodMillis >= DAY && millis % DAY == 0) return DATE.format(t);
        if (periodMillis % 60_000 == 0 && millis % 60_000 == 0) return MINUTE.format(t);
        return SECOND.format(t);
    }

    /** An instant at the precision of its own value: a date at midnight, minutes or seconds otherwise. */
    public static String format(Instant t) {
        long ms = t.toEpochMilli();
        if (ms % DAY == 0) return DATE.format(t);
        return ms % 60_000 == 0 ? MINUTE.format(t) : SECOND.format(t);
    }

    /** A duration in seconds as {@code 0:42}, {@code 12:05} or {@code 1:02:03}. */
    public static String clock(long seconds) {
        long s = Math.max(0, seconds);
        if (s >= 3600) return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
