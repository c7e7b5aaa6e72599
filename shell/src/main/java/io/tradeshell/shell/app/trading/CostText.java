package io.tradeshell.shell.app.trading;

import java.util.Locale;

/** Basis points as the terminal shows them. */
final class CostText {
    private CostText() { }

    static String bps(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "n/a";
    }
}
