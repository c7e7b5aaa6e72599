package io.tradeshell.shell.app;

import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.WalkForwardResult;
import io.tradeshell.engine.optimize.WindowResult;
import io.tradeshell.engine.time.IsoTime;
import io.tradeshell.shell.app.trading.MetricsFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A walk-forward as text: a line per finished window while it runs, the windows' table and the stitched result at the end. */
public final class WalkForwardTable {
    private WalkForwardTable() { }

    public static String windowLine(WindowResult w, int total, OptimizeRequest r) {
        return String.format(Locale.ROOT, "window %d/%d  test %s .. %s  %s  in-sample %s %s  out-of-sample %s", w.window().index() + 1, total,
                day(w.window().testFrom()), day(w.window().testTo()), swept(w.params(), r), r.objective().metric(),
                num(w.inSampleObjective()), num(w.outOfSampleObjective()));
    }

    /** The windows as a table, then the stitched out-of-sample metrics and the efficiency. */
    public static String render(WalkForwardResult r) {
        OptimizeRequest q = r.request().sweep();
        String metric = q.objective().metric();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s walk-forward, %s train / %s test%s, objective %s%n", r.name(), r.request().train(),
                r.request().test(), r.request().anchored() ? " (anchored)" : "", q.objective()));
        b.append(String.format(Locale.ROOT, "  %3s  %-10s  %-10s  %-10s  %-24s %10s %10s %9s %7s %6s%n", "#", "train from", "test from", "test to",
                "params", "IS " + metric, "OOS " + metric, "OOS ret", "trades", "eff"));
        for (WindowResult w : r.windows()) {
            b.append(String.format(Locale.ROOT, "  %3d  %-10s  %-10s  %-10s  %-24s %10s %10s %9s %7d %6s%n", w.window().index() + 1,
                    day(w.window().trainFrom()), day(w.window().testFrom()), day(w.window().testTo()), swept(w.params(), q),
                    num(w.inSampleObjective()), num(w.outOfSampleObjective()),
                    MetricsFormat.value("totalReturn", w.outOfSample().totalReturn()), w.outOfSample().trades(), num(w.efficiency())));
        }
        b.append("  stitched out-of-sample:");
        Map<String, Object> m = MetricsFormat.shown(r.metrics());
        for (String k : List.of("totalReturn", "cagr", "sharpe", "maxDrawdown", "trades")) {
            b.append("  ").append(MetricsFormat.label(k).toLowerCase(Locale.ROOT)).append(' ').append(MetricsFormat.value(k, m.get(k)));
        }
        b.append('\n');
        b.append(String.format(Locale.ROOT, "  walk-forward efficiency %s (out-of-sample %s %s over mean in-sample %s)%n",
                num(r.efficiency()), metric, num(q.objective().value(r.metrics())), num(r.meanInSampleObjective())));
        for (String w : r.warnings()) b.append("  warning: ").append(w).append('\n');
        return b.toString();
    }

    private static String swept(Map<String, Object> params, OptimizeRequest r) {
        List<String> names = r.space().varied().isEmpty() ? r.space().names() : r.space().varied();
        StringBuilder s = new StringBuilder();
        for (String n : names) s.append(s.isEmpty() ? "" : " ").append(n).append('=').append(params.get(n));
        return s.toString();
    }

    private static String day(long millis) {
        return millis % IsoTime.DAY == 0 ? IsoTime.date(millis) : new IsoTime().toString(millis);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }
}
