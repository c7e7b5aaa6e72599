package io.tradeshell.shell.console.data;

import io.tradeshell.engine.metrics.MetricsCalculator;
import io.tradeshell.engine.model.BarSeries;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What a loaded history holds: its size and range, where bars are missing, and the statistics
 * of its bar-to-bar close returns.
 *
 * @param gaps          stretches with bars missing; for daily (or longer) bars, weekends are not gaps
 * @param missingBars   bars missing over all gaps
 * @param totalReturn   last close over first close, minus one
 */
public record DataDescription(String symbol, String file, int bars, long periodMillis, long first, long last,
                              List<Gap> gaps, long missingBars, double lowest, double highest,
                              double firstClose, double lastClose, double totalReturn, Returns returns) {

    public DataDescription {
        gaps = List.copyOf(gaps);
    }

    /** Bars missing between two bars that are there: {@code before} and {@code after} are open times. */
    public record Gap(long before, long after, long missing) { }

    /**
     * Close-to-close simple returns r[i] = close[i] / close[i-1] - 1.
     *
     * @param stdev       sample standard deviation (n - 1)
     * @param annualised  stdev * sqrt(bars per year), bars per year as the metrics count them
     * @param upShare     share of returns above zero
     */
    public record Returns(int count, double mean, double stdev, double min, long minTime, double max, long maxTime,
                          double annualised, double upShare) { }

    private static final long DAY = 86_400_000L;

    public static DataDescription of(Dataset data) {
        BarSeries s = data.bars();
        int n = s.size();
        if (n == 0) {
            return new DataDescription(data.symbol(), data.input().file(), 0, s.periodMillis(), 0, 0, List.of(), 0,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    new Returns(0, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, 0, Double.NaN, Double.NaN));
        }
        long period = s.periodMillis();
        List<Gap> gaps = new ArrayList<>();
        long missing = 0;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            time[i] = s.openTime(i);
            lo = Math.min(lo, s.low(i));
            hi = Math.max(hi, s.high(i));
            if (i > 0) {
                long m = missingBetween(time[i - 1], time[i], period);
                if (m > 0) {
                    gaps.add(new Gap(time[i - 1], time[i], m));
                    missing += m;
                }
            }
        }
        double first = s.close(0), last = s.close(n - 1);
        return new DataDescription(data.symbol(), data.input().file(), n, period, time[0], time[n - 1], gaps, missing,
                lo, hi, first, last, last / first - 1, returns(s, time));
    }

    /** Bars that should lie strictly between two open times; weekdays only for daily bars. */
    static long missingBetween(long before, long after, long period) {
        long steps = (after - before) / period - 1;
        if (steps <= 0) return 0;
        if (period < DAY || period % DAY != 0) return steps;
        long count = 0;
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(before), ZoneOffset.UTC);
        long days = period / DAY;
        for (long k = 1; k <= steps; k++) {
            DayOfWeek dow = day.plusDays(k * days).getDayOfWeek();
            if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) count++;
        }
        return count;
    }

    private static Returns returns(BarSeries s, long[] time) {
        int n = s.size();
        if (n < 2) return new Returns(0, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, 0, Double.NaN, Double.NaN);
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        long minT = 0, maxT = 0;
        int up = 0;
        for (int i = 1; i < n; i++) {
            double r = s.close(i) / s.close(i - 1) - 1;
            sum += r;
            if (r > 0) up++;
            if (r < min) { min = r; minT = time[i]; }
            if (r > max) { max = r; maxT = time[i]; }
        }
        int count = n - 1;
        double mean = sum / count, ss = 0;
        for (int i = 1; i < n; i++) {
            double d = s.close(i) / s.close(i - 1) - 1 - mean;
            ss += d * d;
        }
        double stdev = count > 1 ? Math.sqrt(ss / (count - 1)) : Double.NaN;
        double annualised = stdev * Math.sqrt(MetricsCalculator.periodsPerYear(time));
        return new Returns(count, mean, stdev, min, minT, max, maxT, annualised, (double) up / count);
    }

    @Override
    public String toString() {
        return io.tradeshell.shell.console.data.DescriptionView.render(this).toString();
    }
}
