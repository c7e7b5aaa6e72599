package io.tradeshell.engine.data;

import java.time.Instant;

/** Calendar arithmetic on plain numbers (UTC, proleptic Gregorian), for the per-row fast paths. */
final class CivilTime {
    static final long MILLIS_PER_DAY = 86_400_000L;

    private CivilTime() { }

    /** Days since 1970-01-01 of a valid year, month (1-12) and day. */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    static boolean isValidDate(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= lengthOfMonth(year, month);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /**
     * Writes {@code millis} as an ISO instant ({@code 2020-01-01T00:00:00Z}, with {@code .SSS}
     * when there are millis) into {@code out} at {@code pos}; returns the position after it.
     * {@code out} needs room for 24 chars.
     */
    static int writeInstant(long millis, char[] out, int pos) {
        long day = Math.floorDiv(millis, MILLIS_PER_DAY);
        int msOfDay = (int) Math.floorMod(millis, MILLIS_PER_DAY);
        long z = day + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        if (y < 0 || y > 9999) {
            String s = Instant.ofEpochMilli(millis).toString();
            s.getChars(0, s.length(), out, pos);
            return pos + s.length();
        }
        pos = digits((int) y, 4, out, pos);
        out[pos++] = '-';
        pos = digits(m, 2, out, pos);
        out[pos++] = '-';
        pos = digits(d, 2, out, pos);
        out[pos++] = 'T';
        int secOfDay = msOfDay / 1000;
        pos = digits(secOfDay / 3600, 2, out, pos);
        out[pos++] = ':';
        pos = digits(secOfDay / 60 % 60, 2, out, pos);
        out[pos++] = ':';
        pos = digits(secOfDay % 60, 2, out, pos);
        int ms = msOfDay % 1000;
        if (ms != 0) {
            out[pos++] = '.';
            pos = digits(ms, 3, out, pos);
        }
        out[pos++] = 'Z';
        return pos;
    }

    private static int digits(int value, int width, char[] out, int pos) {
        for (int i = pos + width - 1; i >= pos; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return pos + width;
    }
}
