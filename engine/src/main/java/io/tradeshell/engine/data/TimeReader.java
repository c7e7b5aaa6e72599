package io.tradeshell.engine.data;

import io.tradeshell.engine.time.IsoTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads one time value into epoch millis: an ISO date (midnight UTC), an ISO date-time with
 * or without offset (no offset means UTC), or Unix seconds or millis written as digits
 * (values of 100,000,000,000 and more are millis). The fixed-width forms {@code yyyy-MM-dd}
 * and {@code yyyy-MM-ddTHH:mm:ss[Z]} are read digit by digit; the rest goes to java.time.
 * One instance per reader; not thread-safe.
 */
final class TimeReader {
    static final long MILLIS_FROM = 100_000_000_000L;

    private long millis;
    private boolean dateOnly;

    /** The time last read, in epoch millis. */
    long millis() { return millis; }

    /** Whether the value last read was a date without a time of day. */
    boolean dateOnly() { return dateOnly; }

    /** Reads {@code buf[off, off+len)}; false when it is not a time. */
    boolean read(char[] buf, int off, int len) {
        dateOnly = false;
        if (len == 0) return false;
        if (allDigits(buf, off, len)) return readEpochNumber(buf, off, len);
        if (len == 10 && readDate(buf, off)) {
            dateOnly = true;
            return true;
        }
        if ((len == 19 || (len == 20 && buf[off + 19] == 'Z')) && readDateTime(buf, off)) return true;
        return readWithJavaTime(new String(buf, off, len));
    }

    /** Reads an epoch number given as a JSON integer, by the same seconds-or-millis rule. */
    void readEpoch(long value) {
        dateOnly = false;
        millis = value >= MILLIS_FROM ? value : value * 1000;
    }

    private boolean readEpochNumber(char[] buf, int off, int len) {
        if (len > 18) return false;
        long v = 0;
        for (int i = off; i < off + len; i++) v = v * 10 + (buf[i] - '0');
        readEpoch(v);
        return true;
    }

    private boolean readDate(char[] buf, int off) {
        if (buf[off + 4] != '-' || buf[off + 7] != '-') return false;
        int y = number(buf, off, 4);
        int m = number(buf, off + 5, 2);
        int d = number(buf, off + 8, 2);
        if (y < 0 || m < 0 || d < 0 || !IsoTime.isValidDate(y, m, d)) return false;
        millis = IsoTime.epochDay(y, m, d) * IsoTime.DAY;
        return true;
    }

    private boolean readDateTime(char[] buf, int off) {
        char sep = buf[off + 10];
        if ((sep != 'T' && sep != ' ') || buf[off + 13] != ':' || buf[off + 16] != ':') return false;
        if (!readDate(buf, off)) return false;
        int hh = number(buf, off + 11, 2);
        int mm = number(buf, off + 14, 2);
        int ss = number(buf, off + 17, 2);
        if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return false;
        millis += (hh * 3600L + mm * 60L + ss) * 1000L;
        return true;
    }

    private boolean readWithJavaTime(String text) {
        try {
            if (text.length() == 10) {
                millis = LocalDate.parse(text).toEpochDay() * IsoTime.DAY;
                dateOnly = true;
                return true;
            }
            String iso = text.length() > 10 && text.charAt(10) == ' '
                    ? text.substring(0, 10) + 'T' + text.substring(11) : text;
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from, LocalDateTime::from);
            millis = t instanceof ZonedDateTime z
                    ? z.toInstant().toEpochMilli()
                    : ((LocalDateTime) t).toInstant(ZoneOffset.UTC).toEpochMilli();
            return true;
        } catch (DateTimeParseException | ArithmeticException e) {
            return false;
        }
    }

    private static int number(char[] buf, int off, int width) {
        int v = 0;
        for (int i = off; i < off + width; i++) {
            char ch = buf[i];
            if (ch < '0' || ch > '9') return -1;
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static boolean allDigits(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (buf[i] < '0' || buf[i] > '9') return false;
        }
        return true;
    }
}
