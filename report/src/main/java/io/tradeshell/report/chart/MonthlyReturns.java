package io.tradeshell.report.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Month-by-month returns of an equity curve (UTC calendar months), in percent.
 * A month's return compares its last equity with the last equity of the month before;
 * the first month compares with the first point of the curve.
 *
 * @param firstYear the calendar year of row 0
 * @param percent   [year - firstYear][month 0..11]; NaN where the curve has no point in that month
 * @param yearly    [year - firstYear]: the year's compounded return in percent; NaN for a year without points
 */
public record MonthlyReturns(int firstYear, double[][] percent, double[] yearly) {

    public int years() { return percent.length; }

    /** Monthly returns of the curve; {@code time} must be ascending. */
    public static MonthlyReturns of(long[] time, double[] equity) {
        if (time.length != equity.length) {
            throw new IllegalArgumentException(time.length + " times but " + equity.length + " equity values");
        }
        int first = -1, last = -1;
        for (int i = 0; i < equity.length; i++) {
            if (!Double.isNaN(equity[i])) {
                if (first < 0) first = i;
                last = i;
            }
        }
        if (first < 0) return new MonthlyReturns(0, new double[0][], new double[0]);

        int firstYear = yearMonth(time[first]) / 12;
        int lastYear = yearMonth(time[last]) / 12;
        int years = lastYear - firstYear + 1;
        double[] monthEnd = new double[years * 12];
        Arrays.fill(monthEnd, Double.NaN);

        // months change rarely, so recompute the calendar only when a month boundary is crossed
        long nextMonthStart = Long.MIN_VALUE;
        int slot = -1;
        for (int i = first; i <= last; i++) {
            double e = equity[i];
            if (Double.isNaN(e)) continue;
            if (time[i] >= nextMonthStart || slot < 0) {
                int ym = yearMonth(time[i]);
                slot = ym - firstYear * 12;
                nextMonthStart = LocalDate.of(ym / 12, ym % 12 + 1, 1).plusMonths(1)
                        .atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            monthEnd[slot] = e;
        }

        double[][] percent = new double[years][12];
        double[] yearly = new double[years];
        double base = equity[first];
        for (int y = 0; y < years; y++) {
            double yearBase = base;
            boolean any = false;
            for (int m = 0; m < 12; m++) {
                double end = monthEnd[y * 12 + m];
                if (Double.isNaN(end)) {
                    percent[y][m] = Double.NaN;
                    continue;
                }
                percent[y][m] = (end / base - 1.0) * 100.0;
                base = end;
                any = true;
            }
            yearly[y] = any ? (base / yearBase - 1.0) * 100.0 : Double.NaN;
        }
        return new MonthlyReturns(firstYear, percent, yearly);
    }

    /** Months since year 0 (year * 12 + month index) of a UTC instant. */
    private static int yearMonth(long epochMillis) {
        LocalDate d = LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }
}
