package io.tradeshell.engine.timeframe;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A higher timeframe built from a run's bars: a calendar period in UTC ({@code '4h'},
 * {@code '1d'}, {@code '1w'} with weeks starting Monday, {@code '1mo'}) or a count of base
 * bars ({@code '6 bars'}).
 */
public sealed interface Timeframe {

    /** The text it was written as, for names and messages. */
    String text();

    /** Periods of the calendar: fixed lengths aligned on the Unix epoch (weeks on Monday), or months. */
    record Calendar(String text, long millis, int months) implements Timeframe {
        /** The start of the period holding {@code time}. */
        public long startOf(long time) {
            if (months > 0) {
                LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(time, DAY));
                long index = (d.getYear() * 12L + d.getMonthValue() - 1) / months * months;
                return LocalDate.of((int) (index / 12), (int) (index % 12) + 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1000;
            }
            return Math.floorDiv(time - MONDAY, millis) * millis + MONDAY;
        }

        /** The end of the period that starts at {@code start}. */
        public long endOf(long start) {
            if (months > 0) {
                LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(start, DAY)).plusMonths(months);
                return d.atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1000;
            }
            return start + millis;
        }

        /** A nominal length, for the series' period. */
        public Duration nominal() {
            return months > 0 ? Duration.ofDays(30L * months) : Duration.ofMillis(millis);
        }
    }

    /** Groups of {@code bars} consecutive base bars. */
    record BarCount(String text, int bars) implements Timeframe { }

    long DAY = 86_400_000L;
    /** 1970-01-05, a Monday: weeks and multi-day periods are aligned on it (days and shorter on midnight). */
    long MONDAY = 4 * DAY;

    Pattern COUNT = Pattern.compile("(\\d+)\\s*bars?");
    Pattern PERIOD = Pattern.compile("(\\d*)\\s*(m|min|h|d|day|w|week|mo|month)s?");

    /** Reads {@code '4h' '1d' '1w' '1mo' '6 bars'}; fails naming what is accepted. */
    static Timeframe parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher c = COUNT.matcher(t);
        if (c.matches()) {
            int n = Integer.parseInt(c.group(1));
            if (n < 1) throw bad(text);
            return new BarCount(text, n);
        }
        // '1M' is a month; '1m' a minute
        String unit = text.trim().endsWith("M") ? "mo" : null;
        Matcher p = PERIOD.matcher(unit != null ? t.substring(0, t.length() - 1) + "mo" : t);
        if (!p.matches()) throw bad(text);
        long n = p.group(1).isEmpty() ? 1 : Long.parseLong(p.group(1));
        if (n < 1) throw bad(text);
        return switch (p.group(2)) {
            case "m", "min" -> new Calendar(text, n * 60_000L, 0);
            case "h" -> new Calendar(text, n * 3_600_000L, 0);
            case "d", "day" -> new Calendar(text, n * DAY, 0);
            case "w", "week" -> new Calendar(text, n * 7 * DAY, 0);
            default -> new Calendar(text, 0, Math.toIntExact(n));
        };
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("unknown timeframe '" + text
                + "': use a UTC calendar period such as '4h', '1d', '1w' (weeks start on Monday) or '1mo', or a count of bars such as '6 bars'");
    }
}
