package io.tradeshell.shell.app;

import io.tradeshell.engine.optimize.SelectionCheck;
import io.tradeshell.engine.optimize.SweepResult;
import io.tradeshell.engine.optimize.SweepRow;
import io.tradeshell.shell.app.trading.MetricsFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The ranked table of a sweep's best combinations, and the overfitting check of the best, as text. */
public final class SweepTable {
    private static final List<String> COLUMNS = List.of("sharpe", "totalReturn", "maxDrawdown", "profitFactor", "trades");

    private SweepTable() { }

    public static String render(SweepResult r, int top) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %,d combination%s ranked by %s%n", r.name(), r.rows().size(),
                r.rows().size() == 1 ? "" : "s", r.objective()));
        if (r.rows().isEmpty()) return b.append("  no combinations finished\n").toString();
        List<String> params = r.space().varied().isEmpty() ? r.space().names() : r.space().varied();
        Set<String> metrics = new LinkedHashSet<>();
        metrics.add(r.objective().metric());
        metrics.addAll(COLUMNS);
        List<String> header = new ArrayList<>();
        header.add("rank");
        header.addAll(params);
        for (String m : metrics) header.add(MetricsFormat.label(m));
        List<List<String>> rows = new ArrayList<>();
        int rank = 1;
        for (SweepRow row : r.top(top)) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(rank++));
            for (String p : params) cells.add(String.valueOf(row.param(p)));
            Map<String, Object> m = MetricsFormat.shown(row.metrics());
            for (String k : metrics) cells.add(MetricsFormat.value(k, m.get(k)));
            cells.add(row.metrics().trades() < r.minTrades() ? "few trades" : "");
            rows.add(cells);
        }
        header.add("");
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
            for (List<String> row : rows) width[c] = Math.max(width[c], row.get(c).length());
        }
        line(b, header, width);
        for (List<String> row : rows) line(b, row, width);
        r.selection().ifPresent(s -> selection(b, r, s));
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder(" ");
        for (int c = 0; c < cells.size(); c++) {
            String v = cells.get(c);
            boolean last = c == cells.size() - 1;
            l.append(' ').append(last ? v : " ".repeat(width[c] - v.length()) + v);
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    private static void selection(StringBuilder b, SweepResult r, SelectionCheck s) {
        SweepRow best = r.best().orElseThrow();
        b.append("  best  ").append(best.params()).append('\n');
        b.append(String.format(Locale.ROOT, "  probabilistic Sharpe ratio %s · deflated Sharpe ratio %s for %,d trial%s (per-bar Sharpe %s over %,d bars)%n",
                fixed(s.probabilisticSharpe()), fixed(s.deflatedSharpe()), s.trials(), s.trials() == 1 ? "" : "s",
                fixed4(s.sharpePerBar()), s.returns()));
        for (String w : s.warnings()) b.append("  warning: ").append(w).append('\n');
    }

    private static String fixed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }

    private static String fixed4(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
    }
}
