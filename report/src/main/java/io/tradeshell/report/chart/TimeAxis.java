package io.tradeshell.report.chart;

import io.tradeshell.engine.time.IsoTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * Puts epoch-millis times on a numeric x axis measured in whole calendar units (years,
 * months, days, hours or minutes, picked from the span), so the axis's round-number ticks
 * fall exactly on the first of a month, a new year, midnight and so on, and each label names
 * the moment its tick marks. (XChart's own date axis steps in fixed 30- and 365-day blocks,
 * whose ticks drift away from the dates they are labelled with.)
 */
final class TimeAxis {
    private static final long MINUTE = 60_000L, HOUR = 3_600_000L, DAY = 86_400_000L;
    private static final DateTimeFormatter YEAR = fmt("yyyy"), MONTH = fmt("MMM yyyy"), DAY_OF_MONTH = fmt("MMM d"),
            DAY_HOUR = fmt("MMM d HH:mm"), CLOCK = fmt("HH:mm");

    private enum Unit { YEARS, MONTHS, DAYS, HOURS, MINUTES }

    private final Unit unit;
    private final long from, to;

    private TimeAxis(Unit unit, long from, long to) {
        this.unit = unit;
        this.from = from;
        this.to = to;
    }

    /** The axis for times between {@code from} and {@code to} (epoch millis). */
    static TimeAxis spanning(long from, long to) {
        long span = Math.max(0, to - from);
        Unit unit = span >= 4 * 365 * DAY ? Unit.YEARS
                : span >= 100 * DAY ? Unit.MONTHS
                : span >= 3 * DAY ? Unit.DAYS
                : span >= 3 * HOUR ? Unit.HOURS
                : Unit.MINUTES;
        return new TimeAxis(unit, from, to);
    }

    /** The axis for a series of ascending times. */
    static TimeAxis spanning(long[] time) {
        return time.length == 0 ? spanning(0, 0) : spanning(time[0], time[time.length - 1]);
    }

    /** Axis positions of the given times. */
    double[] x(long[] time) {
        double[] out = new double[time.length];
        for (int i = 0; i < time.length; i++) out[i] = x(time[i]);
        return out;
    }

    double x(long t) {
        return switch (unit) {
            case YEARS, MONTHS -> calendarX(t);
            case DAYS -> (double) t / DAY;
            case HOURS -> (double) t / HOUR;
            case MINUTES -> (double) t / MINUTE;
        };
    }

    /**
     * Installs the tick labels, and names the year or date on the axis when ticks leave it out.
     * Call before adding any series; {@code y} must be a value inside the data's range.
     */
    void applyTo(XYChart chart, double y) {
        chart.getStyler().setXAxisTickLabelsFormattingFunction(this::label);
        TickAnchor.add(chart, x(to), x(from), y);
        String context = switch (unit) {
            case YEARS, MONTHS -> null;
            case DAYS, HOURS -> yearRange();
            case MINUTES -> IsoTime.date(from) + (IsoTime.date(from).equals(IsoTime.date(to)) ? "" : " .. " + IsoTime.date(to));
        };
        if (context != null) chart.setXAxisTitle(context + " (UTC)");
    }

    private String yearRange() {
        int a = utc(from).getYear(), b = utc(to).getYear();
        return a == b ? Integer.toString(a) : a + "-" + b;
    }

    /** Years and months count from 1970 with the fraction of the unit elapsed. */
    private double calendarX(long t) {
        LocalDateTime d = utc(t);
        if (unit == Unit.YEARS) {
            LocalDateTime start = LocalDateTime.of(d.getYear(), 1, 1, 0, 0);
            return d.getYear() - 1970 + fraction(t, start, start.plusYears(1));
        }
        LocalDateTime start = LocalDateTime.of(d.getYear(), d.getMonthValue(), 1, 0, 0);
        return (d.getYear() - 1970) * 12 + d.getMonthValue() - 1 + fraction(t, start, start.plusMonths(1));
    }

    private static double fraction(long t, LocalDateTime start, LocalDateTime end) {
        long s = start.toInstant(ZoneOffset.UTC).toEpochMilli(), e = end.toInstant(ZoneOffset.UTC).toEpochMilli();
        return (double) (t - s) / (e - s);
    }

    /** The inverse of {@link #x(long)}, to the millisecond. */
    long time(double x) {
        return switch (unit) {
            case YEARS -> {
                int whole = (int) Math.floor(x);
                LocalDateTime start = LocalDateTime.of(1970 + whole, 1, 1, 0, 0);
                yield interpolate(start, start.plusYears(1), x - whole);
            }
            case MONTHS -> {
                int whole = (int) Math.floor(x);
                LocalDateTime start = LocalDateTime.of(1970 + Math.floorDiv(whole, 12), Math.floorMod(whole, 12) + 1, 1, 0, 0);
                yield interpolate(start, start.plusMonths(1), x - whole);
            }
            case DAYS -> Math.round(x * DAY);
            case HOURS -> Math.round(x * HOUR);
            case MINUTES -> Math.round(x * MINUTE);
        };
    }

    private static long interpolate(LocalDateTime start, LocalDateTime end, double fraction) {
        long s = start.toInstant(ZoneOffset.UTC).toEpochMilli(), e = end.toInstant(ZoneOffset.UTC).toEpochMilli();
        return s + Math.round(fraction * (e - s));
    }

    /** The tick label for axis position {@code x}: as short as the unit allows. */
    String label(double x) {
        LocalDateTime d = utc(time(x));
        return switch (unit) {
            case YEARS -> d.getMonthValue() == 1 && d.getDayOfMonth() == 1 ? YEAR.format(d) : MONTH.format(d);
            case MONTHS -> d.getDayOfMonth() == 1 ? MONTH.format(d) : DAY_OF_MONTH.format(d) + ", " + d.getYear();
            case DAYS -> d.getHour() == 0 && d.getMinute() == 0 ? DAY_OF_MONTH.format(d) : DAY_HOUR.format(d);
            case HOURS -> d.getHour() == 0 && d.getMinute() == 0 ? DAY_OF_MONTH.format(d) : DAY_HOUR.format(d);
            case MINUTES -> CLOCK.format(d);
        };
    }

    private static LocalDateTime utc(long t) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(t), ZoneOffset.UTC);
    }

    private static DateTimeFormatter fmt(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.US);
    }
}
