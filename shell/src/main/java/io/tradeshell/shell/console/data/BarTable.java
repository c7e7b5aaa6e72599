package io.tradeshell.shell.console.data;

import io.tradeshell.shell.present.View;
import io.tradeshell.engine.time.IsoTime;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.shell.console.view.Numbers;
import io.tradeshell.shell.console.view.Table;
import org.jline.utils.AttributedString;

/** Bars as a table: time, open, high, low, close, volume. */
public final class BarTable {
    private BarTable() { }

    public static View render(BarRange range) {
        BarSeries s = range.bars();
        Table t = Table.of("time", "open", "high", "low", "close", "volume").right(1, 2, 3, 4, 5);
        for (int i = range.from(); i < range.to(); i++) row(t, s, i);
        return View.of(t.block());
    }

    /** The first and last {@code edge} bars with an ellipsis between, or every bar if there are few. */
    public static View headAndTail(BarSeries s, int edge) {
        Table t = Table.of("time", "open", "high", "low", "close", "volume").right(1, 2, 3, 4, 5);
        int n = s.size();
        if (n <= 2 * edge + 1) {
            for (int i = 0; i < n; i++) row(t, s, i);
        } else {
            for (int i = 0; i < edge; i++) row(t, s, i);
            t.gap();
            for (int i = n - edge; i < n; i++) row(t, s, i);
        }
        return View.of(t.block());
    }

    private static void row(Table t, BarSeries s, int i) {
        int scale = s.priceScale();
        t.row(IsoTime.readable(s.openTime(i), s.periodMillis()), Numbers.price(s.open(i), scale), Numbers.price(s.high(i), scale),
                Numbers.price(s.low(i), scale), Numbers.price(s.close(i), scale), Numbers.quantity(s.volume(i)));
    }
}
