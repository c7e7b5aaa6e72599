package io.tradeshell.report.text;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prices and quantities as people read them: rounded for the eye, never for the files (the
 * JSONL and JSON outputs keep every digit). A price keeps 2 to 4 decimals (more only below 1,
 * where 4 significant digits are kept); a quantity is whole when it is whole and otherwise keeps
 * 4 decimals, or 4 significant digits below 1, with trailing zeros dropped.
 */
public final class Amounts {
    private static final int SIGNIFICANT_BELOW_ONE = 4;

    private Amounts() {}

    /** 801.310455 -> "801.3105", 999.0 -> "999.00", 0.000123456 -> "0.0001235". */
    public static String price(double v) {
        if (!Double.isFinite(v)) return special(v);
        String s = rounded(v, 4).toPlainString();
        int dot = s.indexOf('.');
        if (dot < 0) return s + ".00";
        int decimals = s.length() - dot - 1;
        return decimals >= 2 ? s : s + "0".repeat(2 - decimals);
    }

    /** 23.99896435747262 -> "23.999", 174.0 -> "174", 0.0123456 -> "0.01235". */
    public static String quantity(double v) {
        if (!Double.isFinite(v)) return special(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return rounded(v, 4).toPlainString();
    }

    /** {@code v} to {@code decimals} places, or to 4 significant digits when that would show less; trailing zeros dropped. */
    private static BigDecimal rounded(double v, int decimals) {
        BigDecimal d = BigDecimal.valueOf(v);
        int scale = decimals;
        if (Math.abs(v) < 1 && v != 0) {
            int leadingZeros = -(int) Math.floor(Math.log10(Math.abs(v))) - 1;
            scale = Math.max(decimals, leadingZeros + SIGNIFICANT_BELOW_ONE);
        }
        BigDecimal r = d.setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    private static String special(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "inf" : "-inf";
    }
}
