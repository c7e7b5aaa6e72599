package io.tradeshell.engine.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The project's one time codec, for epoch millis in UTC. Files hold ISO-8601 instants
 * ({@code 2013-01-02T00:00:00Z}), written here into a reused buffer with the date part cached
 * (output files hold one timestamp per bar and {@code Instant.toString()} per line would
 * dominate a million-bar run's writing time) and read back by {@link #parse} without going
 * through {@code Instant.parse}, which costs more than the rest of reading an equity line.
 * People read times as {@link #readable} text: a date for daily bars, minutes or seconds below.
 */
public final class IsoTime {
    /** One day in milliseconds. */
    public static final long DAY = 86_400_000L;
    private char[] buf = new char[24];
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

    /** Years outside 0000..9999, which ISO writes with a sign and more digits. */
    private int formatSlow(long millis) {
        String s = Instant.ofEpochMilli(millis).toString();
        cachedDay = Long.MIN_VALUE;
        if (s.length() > buf.length) buf = new char[s.length()];
        s.getChars(0, s.length(), buf, 0);
        return s.length();
    }

    private void two(int v, int at) {
        buf[at] = (char) ('0' + v / 10);
        buf[at + 1] = (char) ('0' + v % 10);
    }

    public char[] chars() { return buf; }

    public String toString(long millis) {
        int n = format(millis); // before reading buf, which a long year replaces
        return new String(buf, 0, n);
    }

    /** A date alone: {@code 2013-01-02}. */
    public static String date(long millis) {
        return LocalDate.ofEpochDay(Math.floorDiv(millis, DAY)).toString();
    }

    /** Date and time to the minute, seconds dropped: {@code 2013-01-02 14:30}. */
    public static String minute(long millis) {
        return readable(Math.floorDiv(millis, 60_000) * 60_000, 60_000);
    }

    /** An instant at the precision of its own value: a date at midnight, {@code 2013-01-02 14:30} on a whole minute, else with seconds. */
    public static String readable(long millis) {
        return readable(millis, millis % 60_000 == 0 ? DAY : 1000);
    }

    /**
     * {@code millis} at the precision that bars of {@code periodMillis} need: a date for daily (or
     * longer) bars that open at midnight, {@code 2013-01-02 14:30} for whole minutes, else
     * {@code 2013-01-02 14:30:05}.
     */
    public static String readable(long millis, long periodMillis) {
        long day = Math.floorDiv(millis, DAY);
        int ms = (int) (millis - day * DAY);
        String date = LocalDate.ofEpochDay(day).toString();
        if (periodMillis >= DAY && ms == 0) return date;
        int secs = ms / 1000;
        StringBuilder b = new StringBuilder(19).append(date).append(' ');
        pad(b, secs / 3600).append(':');
        pad(b, secs / 60 % 60);
        if (periodMillis % 60_000 == 0 && ms % 60_000 == 0) return b.toString();
        return pad(b.append(':'), secs % 60).toString();
    }

    private static StringBuilder pad(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /**
     * Epoch millis of an ISO-8601 instant ({@code 2013-01-02T00:00:00Z}, optionally with a
     * fraction of a second, which is truncated to millis like {@code Instant.toEpochMilli});
     * other ISO forms (an offset such as {@code +01:00}) go through {@code Instant.parse}.
     *
     * @throws DateTimeParseException for text that is not an instant
     */
    public static long parse(String s) {
        int n = s.length();
        if (n >= 20 && s.charAt(n - 1) == 'Z' && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
                && s.charAt(13) == ':' && s.charAt(16) == ':') {
            int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
            int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
            int millis = n == 20 ? 0 : fractionMillis(s, 19, n - 1);
            if (year >= 0 && isValidDate(year, month, day)
                    && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60 && millis >= 0) {
                long days = epochDay(year, month, day);
                return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
            }
        }
        return Instant.parse(s).toEpochMilli();
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    /** ".5" -> 500, ".123456" -> 123 (truncated like Instant.toEpochMilli); -1 if malformed. */
    private static int fractionMillis(String s, int dot, int end) {
        if (s.charAt(dot) != '.' || end - dot < 2 || end - dot > 10) return -1;
        int millis = 0;
        for (int i = dot + 1; i < dot + 4; i++) {
            int d = i < end ? s.charAt(i) - '0' : 0;
            if (d < 0 || d > 9) return -1;
            millis = millis * 10 + d;
        }
        for (int i = dot + 4; i < end; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return -1;
        }
        return millis;
    }

    /** Whether a year, month (1-12) and day name a day of the proleptic Gregorian calendar. */
    public static boolean isValidDate(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month);
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (the civil-from-days inverse), without a LocalDate per row. */
    public static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
