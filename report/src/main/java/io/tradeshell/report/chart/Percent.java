package io.tradeshell.report.chart;

import java.util.Locale;

/** Short percent labels for chart text. */
final class Percent {
    private Percent() {}

    /** "-12.3" style: one decimal, minus sign for negatives, "0.0" for negative zero. */
    static String oneDecimal(double percent) {
        String s = String.format(Locale.ROOT, "%.1f", percent);
        return s.equals("-0.0") ? "0.0" : s;
    }
}
