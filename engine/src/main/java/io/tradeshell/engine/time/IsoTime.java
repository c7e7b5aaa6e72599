package io.tradeshell.engine.time;

import java.time.LocalDate;

/**
 * Formats epoch millis as ISO-8601 UTC instants ({@code 2013-01-02T00:00:00Z}) into a reused
 * buffer, caching the date part, because output files hold one timestamp per bar and
 * {@code Instant.toString()} per line would dominate a million-bar run's writing time.
 */
public final class IsoTime {
    private static final long DAY = 86_400_000L;
    private final char[] buf = new char[24];
    private long cachedDay = Long.MIN_VALUE;

    /** Formats {@code millis}; the result is valid in {@link #chars()} up to the returned length. */
    public int format(long millis) {
        long day = Math.floorDiv(millis, DAY);
        if (day != cachedDay) {
            String d = LocalDate.ofEpochDay(day).toString();
            if (d.length() != 10) return formatSlow(millis);
            d.getChars(0, 10, buf, 0);
            buf[10] = 'T';
            cachedDay = day;
        }
        int ms = (int) (millis - day * DAY);
        int secs = ms / 1000, milli = ms % 1000;
        two(secs / 3600, 11);
        buf[13] = ':';
        two(secs / 60 % 60, 14);
        buf[16] = ':';
        two(secs % 60, 17);
        if (milli == 0) {
            buf[19] = 'Z';
            return 20;
        }
        buf[19] = '.';
        buf[20] = (char) ('0' + milli / 100);
        buf[21] = (char) ('0' + milli / 10 % 10);
        buf[22] = (char) ('0' + milli % 10);
        buf[23] = 'Z';
        return 24;
    }

    private int formatSlow(long millis) {
        String s = java.time.Instant.ofEpochMilli(millis).toString();
        cachedDay = Long.MIN_VALUE;
        int n = Math.min(s.length(), buf.length);
        s.getChars(0, n, buf, 0);
        return n;
    }

    private void two(int v, int at) {
        buf[at] = (char) ('0' + v / 10);
        buf[at + 1] = (char) ('0' + v % 10);
    }

    public char[] chars() { return buf; }

    public String toString(long millis) {
        return new String(buf, 0, format(millis));
    }
}
