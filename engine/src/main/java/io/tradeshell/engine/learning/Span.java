package io.tradeshell.engine.learning;

import io.tradeshell.engine.model.BarSeries;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of history for training or between retrainings: a count of bars ({@code '500 bars'})
 * or a UTC calendar span ({@code '2y'}, {@code '3mo'}, {@code '6w'}, {@code '90d'}).
 */
public record Span(String text, int bars, int years, int months, int days) {
    private static final Pattern COUNT = Pattern.compile("(\\d+)\\s*bars?");
    private static final Pattern CALENDAR = Pattern.compile("(\\d+)\\s*(y|year|mo|month|w|week|d|day)s?");

    /** Reads a span; fails naming what is accepted. {@code '3m'} is refused: elsewhere it means minutes. */
    public static Span parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher c = COUNT.matcher(t);
        if (c.matches()) return new Span(text, positive(text, c.group(1)), 0, 0, 0);
        Matcher p = CALENDAR.matcher(t);
        if (!p.matches()) {
            String hint = t.matches("\\d+\\s*m") ? " ('" + text + "' would be minutes: write '" + t.replace("m", "").trim() + "mo' for months)" : "";
            throw new IllegalArgumentException("unknown span '" + text + "'" + hint
                    + ": use years, months, weeks or days such as '2y', '3mo', '6w', '90d', or a count of bars such as '500 bars'");
        }
        int n = positive(text, p.group(1));
        return switch (p.group(2)) {
            case "y", "year" -> new Span(text, 0, n, 0, 0);
            case "mo", "month" -> new Span(text, 0, 0, n, 0);
            case "w", "week" -> new Span(text, 0, 0, 0, 7 * n);
            default -> new Span(text, 0, 0, 0, n);
        };
    }

    private static int positive(String text, String digits) {
        int n;
        try {
            n = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1) throw new IllegalArgumentException("span '" + text + "' must be at least 1");
        return n;
    }

    public boolean inBars() {
        return bars > 0;
    }

    /** Whether the span has passed between the closes of bars {@code from} and {@code to}. */
    public boolean passed(BarSeries s, int from, int to) {
        if (inBars()) return to - from >= bars;
        return s.closeTime(to) >= after(s.closeTime(from));
    }

    /** The first bar of the span that ends with bar {@code end}'s close (the span's bars, or those closing after its start). */
    public int firstBar(BarSeries s, int end) {
        if (inBars()) return Math.max(0, end - bars + 1);
        long start = before(s.closeTime(end));
        int j = end;
        while (j > 0 && s.closeTime(j - 1) > start) j--;
        return j;
    }

    private long after(long time) {
        return utc(time).plusYears(years).plusMonths(months).plusDays(days).toInstant().toEpochMilli();
    }

    private long before(long time) {
        return utc(time).minusYears(years).minusMonths(months).minusDays(days).toInstant().toEpochMilli();
    }

    private static ZonedDateTime utc(long time) {
        return Instant.ofEpochMilli(time).atZone(ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return text;
    }
}
