package io.tradeshell.engine.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * When a portfolio section runs: at every bar time, or on the first or the last bar time of each
 * calendar day, week (starting Monday) or month, in UTC. A bar time belongs to the date its bars
 * open on. The last bar time of a period is the one whose next bar opens in a later period, as the
 * data's calendar says; the last bar of the data ends every period.
 */
public enum Schedule {
    EVERY_BAR("bar"), DAY_START("day-start"), DAY_END("day-end"), WEEK_START("week-start"), WEEK_END("week-end"),
    MONTH_START("month-start"), MONTH_END("month-end");

    private final String word;

    Schedule(String word) { this.word = word; }

    public String word() { return word; }

    /** The words a script may use, with their aliases. */
    public static final List<String> WORDS = List.of("bar", "day-start", "day-end", "week-start", "week-end",
            "month-start", "month-end", "daily", "weekly", "monthly");

    /** Reads a schedule word: the names above, or {@code daily}, {@code weekly}, {@code monthly} for the period's first bar time. */
    public static Schedule parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "bar", "every bar", "every-bar" -> EVERY_BAR;
            case "daily" -> DAY_START;
            case "weekly" -> WEEK_START;
            case "monthly" -> MONTH_START;
            default -> {
                for (Schedule s : values()) if (s.word.equals(t)) yield s;
                throw new IllegalArgumentException("unknown schedule '" + text + "' (use one of " + String.join(", ", WORDS) + ")");
            }
        };
    }

    /**
     * Whether the section runs at the bar time whose bars opened at {@code open}.
     *
     * @param previousOpen the previous bar time's open, Long.MIN_VALUE at the first
     * @param nextOpen     the next bar time's open, Long.MAX_VALUE when there is none
     */
    public boolean isDue(long previousOpen, long open, long nextOpen) {
        return switch (this) {
            case EVERY_BAR -> true;
            case DAY_START, WEEK_START, MONTH_START -> previousOpen == Long.MIN_VALUE || period(previousOpen) != period(open);
            case DAY_END, WEEK_END, MONTH_END -> nextOpen == Long.MAX_VALUE || period(nextOpen) != period(open);
        };
    }

    /** The first day of the period the time falls in, as an epoch day. */
    private long period(long epochMillis) {
        long day = Math.floorDiv(epochMillis, 86_400_000L); // UTC days; day 0, 1970-01-01, was a Thursday
        return switch (this) {
            case EVERY_BAR, DAY_START, DAY_END -> day;
            case WEEK_START, WEEK_END -> day - Math.floorMod(day + 3, 7);
            case MONTH_START, MONTH_END -> LocalDate.ofEpochDay(day).withDayOfMonth(1).toEpochDay();
        };
    }
}
