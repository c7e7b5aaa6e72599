package io.tradeshell.shell.console.progress;

import io.tradeshell.shell.console.view.Times;
import java.util.Locale;

/** The words of a progress line: bar, share done, bars, rate and time left. */
public final class ProgressText {
    private ProgressText() { }

    /**
     * {@code [██████░░░░░░]  52%  1,310,720 / 2,520,000 bars  812k bars/s  0:01 left  Ctrl-C stops}.
     *
     * @param seconds time since the run started
     */
    public static String line(String what, long done, long total, double seconds, int width) {
        double share = total > 0 ? Math.min(1, (double) done / total) : 0;
        double rate = seconds > 0 ? done / seconds : 0;
        String left = rate > 0 && total > done ? "  " + Times.clock(Math.round((total - done) / rate)) + " left" : "";
        String percent = String.format(Locale.ROOT, " %3d%%", Math.round(share * 100));
        String bars = String.format(Locale.ROOT, "  %,d / %,d bars", done, total);
        String speed = "  " + rate(rate) + " bars/s";
        String hint = "  Ctrl-C stops";
        // on a narrow terminal the hint goes first, then the bar counts: rate and time left matter most
        String compact = "  " + rate(done) + "/" + rate(total) + " bars";
        String tail = percent + bars + speed + left + hint;
        if (what.length() + 14 + tail.length() > width) tail = percent + bars + speed + left;
        if (what.length() + 14 + tail.length() > width) tail = percent + compact + speed + left;
        if (what.length() + 14 + tail.length() > width) tail = percent + speed + left;
        int barWidth = Math.max(10, Math.min(30, width - tail.length() - what.length() - 4));
        int full = (int) Math.round(share * barWidth);
        return what + " [" + "█".repeat(full) + "░".repeat(barWidth - full) + "]" + tail;
    }

    static String rate(double perSecond) {
        if (perSecond >= 1e6) return String.format(Locale.ROOT, "%.1fM", perSecond / 1e6);
        if (perSecond >= 1e3) return String.format(Locale.ROOT, "%.0fk", perSecond / 1e3);
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }
}
