package io.tradeshell.engine.optimize;

import java.time.Period;
import java.util.Locale;

/**
 * A walk-forward window length in calendar units: {@code 10d} days, {@code 2w} weeks,
 * {@code 6m} months, {@code 1y} years. Months and years are calendar months and years (a
 * month after January 31 is the last day of February), not fixed numbers of days.
 */
public record CalendarPeriod(int amount, char unit) {
    public CalendarPeriod {
        if (amount < 1) throw new IllegalArgumentException("a window length must be at least 1, got " + amount + unit);
        if ("dwmy".indexOf(unit) < 0) throw new IllegalArgumentException("unknown window unit '" + unit + "' (d, w, m or y)");
    }

    public static CalendarPeriod parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!t.matches("\\d{1,6}[dwmy]")) {
            throw new IllegalArgumentException("window length '" + text + "' is not like 6m: a whole number then d (days), w (weeks), m (months) or y (years)");
        }
        return new CalendarPeriod(Integer.parseInt(t.substring(0, t.length() - 1)), t.charAt(t.length() - 1));
    }

    /** This length {@code times} over, as a {@link Period}. */
    public Period times(int times) {
        int n = Math.multiplyExact(amount, times);
        return switch (unit) {
            case 'd' -> Period.ofDays(n);
            case 'w' -> Period.ofWeeks(n);
            case 'm' -> Period.ofMonths(n);
            default -> Period.ofYears(n);
        };
    }

    public Period period() {
        return times(1);
    }

    @Override
    public String toString() {
        return amount + String.valueOf(unit);
    }
}
