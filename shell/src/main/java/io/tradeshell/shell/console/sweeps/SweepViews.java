package io.tradeshell.shell.console.sweeps;

import io.tradeshell.shell.present.View;
import io.tradeshell.engine.optimize.Objective;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.SelectionCheck;
import io.tradeshell.engine.optimize.SweepResult;
import io.tradeshell.engine.optimize.SweepRow;
import io.tradeshell.engine.optimize.WalkForwardResult;
import io.tradeshell.engine.optimize.WindowResult;
import io.tradeshell.engine.time.IsoTime;
import io.tradeshell.shell.console.view.Numbers;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.console.view.Table;
import io.tradeshell.shell.app.trading.MetricsFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** Sweeps and walk-forwards as the console prints them: a ranked table, then the check of the best. */
public final class SweepViews {
    private static final List<String> COLUMNS = List.of("sharpe", "totalReturn", "maxDrawdown", "profitFactor", "trades");
    private static final Set<String> SIGNED = Set.of("totalReturn", "cagr", "expectancy");

    private SweepViews() { }

    /** The {@code top} best rows, ranked, with the overfitting check of the best. */
    public static View sweep(Sweep sweep, int top) {
        SweepResult r = sweep.result();
        View.Builder b = View.builder();
        b.append(r.name() + " sweep", Styles.NAME).append(String.format(": %,d combination%s ranked by %s%s", r.rows().size(),
                r.rows().size() == 1 ? "" : "s", r.objective(), r.stoppedEarly() ? ", stopped early" : ""));
        if (r.rows().isEmpty()) return b.append("\n  no combinations to show").build();
        List<String> params = r.space().varied().isEmpty() ? r.space().names() : r.space().varied();
        Set<String> metrics = new LinkedHashSet<>();
        metrics.add(r.objective().metric());
        metrics.addAll(COLUMNS);
        List<SweepRow> rows = r.top(top);
        boolean few = rows.stream().anyMatch(row -> row.metrics().trades() < r.minTrades());
        List<String> header = new ArrayList<>();
        header.add("rank");
        header.addAll(params);
        for (String m : metrics) header.add(MetricsFormat.label(m).toLowerCase(java.util.Locale.ROOT));
        if (few) header.add("note");
        Table t = Table.of(header.toArray(String[]::new));
        for (int c = 0; c < 1 + params.size() + metrics.size(); c++) t.right(c);
        int rank = 1;
        for (SweepRow row : rows) {
            List<Object> cells = new ArrayList<>();
            cells.add(rank++);
            for (String p : params) cells.add(String.valueOf(row.param(p)));
            Map<String, Object> m = MetricsFormat.shown(row.metrics());
            for (String k : metrics) cells.add(cell(k, m.get(k)));
            if (few) cells.add(row.metrics().trades() < r.minTrades() ? new AttributedString("few trades", Styles.WARNING) : "");
            t.row(cells.toArray());
        }
        b.append('\n').table(t.block());
        if (r.rows().size() > rows.size()) {
            b.append('\n').append(String.format("  … %,d more (sweep.ranked lists them all)", r.rows().size() - rows.size()), Styles.DIM);
        }
        r.selection().ifPresent(s -> selection(b, r, s));
        return b.build();
    }

    /** Rows of a sweep taken out of it ({@code sweep.top(5)}): their params and headline figures. */
    public static View rows(List<SweepEntry> rows) {
        List<String> params = new ArrayList<>(rows.get(0).getParams().keySet());
        List<String> header = new ArrayList<>();
        header.add("#");
        header.addAll(params);
        for (String m : COLUMNS) header.add(MetricsFormat.label(m).toLowerCase(java.util.Locale.ROOT));
        Table t = Table.of(header.toArray(String[]::new));
        for (int c = 0; c < header.size(); c++) t.right(c);
        for (SweepEntry e : rows) {
            List<Object> cells = new ArrayList<>();
            cells.add(e.getId());
            for (String p : params) cells.add(String.valueOf(e.getParams().get(p)));
            Map<String, Object> m = MetricsFormat.shown(e.getMetrics());
            for (String k : COLUMNS) cells.add(cell(k, m.get(k)));
            t.row(cells.toArray());
        }
        return View.of(t.block());
    }

    private static void selection(View.Builder b, SweepResult r, SelectionCheck s) {
        SweepRow best = r.best().orElseThrow();
        b.append('\n').append("  best  ", Styles.DIM).append(best.params().toString());
        b.append('\n').append("  probabilistic Sharpe ratio " + fixed(s.probabilisticSharpe(), 3) + " · deflated Sharpe ratio "
                + fixed(s.deflatedSharpe(), 3) + String.format(" for %,d trial%s", s.trials(), s.trials() == 1 ? "" : "s"), Styles.DIM);
        for (String w : s.warnings()) b.append('\n').append("  warning: " + w, Styles.WARNING);
    }

    /** The windows of a walk-forward, then its stitched out-of-sample figures and efficiency. */
    public static View walkForward(WalkForwardRun run) {
        WalkForwardResult r = run.result();
        OptimizeRequest q = r.request().sweep();
        Objective o = q.objective();
        View.Builder b = View.builder();
        b.append(r.name() + " walk-forward", Styles.NAME).append(": " + r.request().train() + " train / " + r.request().test() + " test"
                + (r.request().anchored() ? ", anchored" : ", rolling") + ", " + o);
        List<String> params = q.space().varied().isEmpty() ? q.space().names() : q.space().varied();
        Table t = Table.of("#", "train from", "test from", "test to", "params", "IS " + o.metric(), "OOS " + o.metric(),
                "OOS return", "trades", "efficiency").right(0, 5, 6, 7, 8, 9);
        for (WindowResult w : r.windows()) {
            StringBuilder p = new StringBuilder();
            for (String n : params) p.append(p.isEmpty() ? "" : " ").append(n).append('=').append(w.params().get(n));
            t.row(w.window().index() + 1, IsoTime.readable(w.window().trainFrom()), IsoTime.readable(w.window().testFrom()),
                    IsoTime.readable(w.window().testTo()), p,
                    fixed(w.inSampleObjective(), 3), fixed(w.outOfSampleObjective(), 3), cell("totalReturn", w.outOfSample().totalReturn()),
                    w.outOfSample().trades(), fixed(w.efficiency(), 2));
        }
        b.append('\n').table(t.block());
        Map<String, Object> m = MetricsFormat.shown(r.metrics());
        b.append('\n').append("  stitched out-of-sample", Styles.HEADER);
        for (String k : List.of("totalReturn", "cagr", "sharpe", "maxDrawdown", "trades")) {
            b.append("  ").append(MetricsFormat.label(k).toLowerCase(java.util.Locale.ROOT) + " ", Styles.DIM).append(cell(k, m.get(k)));
        }
        b.append('\n').append("  walk-forward efficiency ", Styles.DIM).append(fixed(r.efficiency(), 2))
                .append(" (out-of-sample " + o.metric() + " " + fixed(o.value(r.metrics()), 3) + " over mean in-sample "
                        + fixed(r.meanInSampleObjective(), 3) + ")", Styles.DIM);
        return b.build();
    }

    private static AttributedString cell(String key, Object v) {
        String text = MetricsFormat.value(key, v);
        if (SIGNED.contains(key) && v instanceof Number n) return Table.signed(text, n.doubleValue());
        return new AttributedString(text);
    }

    private static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? Numbers.fixed(v, decimals) : "n/a";
    }
}
