package io.tradeshell.shell.console.view;

import io.tradeshell.report.text.Amounts;
import java.util.Locale;

/** Numbers as tables show them. */
public final class Numbers {
    private Numbers() { }

    /** {@code v} with {@code decimals} digits; NaN stays NaN. */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** An indicator value: four decimals, two once it is in the thousands. */
    public static String value(double v) {
        return fixed(v, Math.abs(v) >= 1000 ? 2 : 4);
    }

    /** A price with the decimals its data was written with (a scale of -1 means unknown). */
    public static String price(double v, int scale) {
        return fixed(v, scale >= 0 && scale <= 8 ? scale : 4);
    }

    /** A volume or quantity: whole units with separators, decimals only when it has them. */
    public static String quantity(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
        return Amounts.quantity(v);
    }

    /** A fraction as a percentage: 0.0123 is 1.23%. */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) return "n/a";
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    public static String money(double v) {
        if (!Double.isFinite(v)) return "n/a";
        return String.format(Locale.ROOT, "%,.2f", v);
    }
}
