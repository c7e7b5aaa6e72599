package io.tradeshell.shell.console.view;

import io.tradeshell.shell.present.View;
import io.tradeshell.engine.time.IsoTime;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.model.BarSeries;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** Indicators over the same bars as a table of their first and last values. */
public final class IndicatorTable {
    private IndicatorTable() { }

    /** A header line naming the indicator, then its head and tail. */
    public static View render(Indicator indicator, int edge) {
        View.Builder b = View.builder();
        b.append(brief(indicator), Styles.NAME).append('\n');
        return b.append(columns(List.of(indicator), List.of("value"), edge)).build();
    }

    /** {@code RSI(close, 14) on AAPL: 252 values, last 59.4712 (2013-12-31)}. */
    public static String brief(Indicator indicator) {
        BarSeries s = indicator.series();
        StringBuilder b = new StringBuilder(indicator.toString()).append(" on ").append(s.symbol()).append(": ")
                .append(String.format("%,d", s.size())).append(" value").append(s.size() == 1 ? "" : "s");
        if (indicator.unstableBars() > 0) b.append(", ").append(indicator.unstableBars()).append(" warming up");
        if (s.size() > 0) {
            b.append(", last ").append(Numbers.value(indicator.last())).append(" (")
                    .append(IsoTime.readable(s.openTime(s.lastIndex()), s.periodMillis())).append(')');
        }
        return b.toString();
    }

    /** Several indicators of one series side by side, head and tail. */
    public static View columns(List<Indicator> indicators, List<String> names, int edge) {
        BarSeries s = indicators.get(0).series();
        for (Indicator i : indicators) {
            if (i.series() != s) throw new IllegalArgumentException("a table needs indicators of the same data; "
                    + i + " is on " + i.series().symbol() + ", " + indicators.get(0) + " on " + s.symbol());
        }
        String[] headers = new String[names.size() + 1];
        headers[0] = "time";
        for (int k = 0; k < names.size(); k++) headers[k + 1] = names.get(k);
        Table t = Table.of(headers);
        for (int k = 1; k < headers.length; k++) t.right(k);
        int n = s.size();
        if (n <= 2 * edge + 1) {
            for (int i = 0; i < n; i++) row(t, indicators, s, i);
        } else {
            for (int i = 0; i < edge; i++) row(t, indicators, s, i);
            t.gap();
            for (int i = n - edge; i < n; i++) row(t, indicators, s, i);
        }
        return View.of(t.block());
    }

    private static void row(Table t, List<Indicator> indicators, BarSeries s, int i) {
        Object[] cells = new Object[indicators.size() + 1];
        cells[0] = IsoTime.readable(s.openTime(i), s.periodMillis());
        for (int k = 0; k < indicators.size(); k++) {
            double v = indicators.get(k).value(i);
            cells[k + 1] = Double.isNaN(v) ? new AttributedString("NaN", Styles.DIM) : Numbers.value(v);
        }
        t.row(cells);
    }
}
