package io.tradeshell.report.run;

import java.time.Instant;

/**
 * Parses the UTC instants the run files use ("2013-01-02T00:00:00Z", optionally with a
 * fraction of a second) without going through {@link Instant#parse}, which costs more than the
 * rest of reading an equity line. Anything else falls back to {@code Instant.parse}.
 */
final class IsoInstant {
    private IsoInstant() {}

    /** Epoch millis of an ISO-8601 instant; throws DateTimeParseException for text that is not one. */
    static long toEpochMilli(String s) {
        int n = s.length();
        if (n >= 20 && s.charAt(n - 1) == 'Z' && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
                && s.charAt(13) == ':' && s.charAt(16) == ':') {
            int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
            int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
            int millis = n == 20 ? 0 : fractionMillis(s, 19, n - 1);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month)
                    && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60 && millis >= 0) {
                long days = daysFromCivil(year, month, day);
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

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse). */
    private static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
