package io.tradeshell.shell.console.runs;

import io.tradeshell.shell.present.View;
import io.tradeshell.engine.time.IsoTime;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.shell.console.view.Numbers;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.console.view.Table;
import io.tradeshell.shell.app.trading.MetricsFormat;
import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** Runs as tables: their key figures, all metrics, trades, several runs side by side, the session's list. */
public final class RunViews {
    /** The figures a run is judged by at a glance. */
    public static final List<String> KEY_METRICS = List.of("totalReturn", "cagr", "sharpe", "maxDrawdown", "trades",
            "winRate", "profitFactor", "finalEquity", "buyAndHoldReturn");

    private RunViews() { }

    /** The run's label and its key figures. */
    public static View summary(SessionRun run) {
        View.Builder b = View.builder();
        b.append(run.label(), Styles.NAME);
        RunResult r = run.result();
        if (r.stoppedEarly()) b.append("  (stopped early)", Styles.WARNING);
        if (r.metrics() == null) return b.append("\n  no bars were processed").build();
        Map<String, Object> m = MetricsFormat.shown(r.metrics());
        Table t = Table.of("metric", "value").right(1).indent("  ");
        for (String key : KEY_METRICS) t.row(MetricsFormat.label(key), styledValue(key, m.get(key)));
        return b.append('\n').table(t.block()).build();
    }

    /** Every metric of a run. */
    public static View metrics(SessionRun run) {
        View.Builder b = View.builder().append(run.label(), Styles.NAME).append('\n');
        if (run.result().metrics() == null) return b.append("  no bars were processed").build();
        Table t = Table.of("metric", "value").right(1).indent("  ");
        for (var e : MetricsFormat.shown(run.result().metrics()).entrySet()) t.row(MetricsFormat.label(e.getKey()), styledValue(e.getKey(), e.getValue()));
        return b.table(t.block()).build();
    }

    /** Metrics of several runs side by side. */
    public static View compare(List<SessionRun> runs) {
        View.Builder b = View.builder();
        String[] headers = new String[runs.size() + 1];
        headers[0] = "metric";
        for (int k = 0; k < runs.size(); k++) {
            headers[k + 1] = "#" + runs.get(k).id();
            b.append(runs.get(k).label(), Styles.NAME).append('\n');
        }
        Table t = Table.of(headers).indent("  ");
        for (int k = 1; k < headers.length; k++) t.right(k);
        Map<String, Object> first = metricsOf(runs.get(0));
        for (String key : first.keySet()) {
            Object[] row = new Object[headers.length];
            row[0] = MetricsFormat.label(key);
            for (int k = 0; k < runs.size(); k++) row[k + 1] = styledValue(key, metricsOf(runs.get(k)).get(key));
            t.row(row);
        }
        return b.table(t.block()).build();
    }

    private static Map<String, Object> metricsOf(SessionRun run) {
        return run.result().metrics() == null ? new java.util.LinkedHashMap<>() : MetricsFormat.shown(run.result().metrics());
    }

    /** The run's closed trades, one per row, and a line of totals. */
    public static View trades(SessionRun run) {
        View.Builder b = View.builder().append(run.label(), Styles.NAME).append('\n');
        List<ClosedTrade> trades = run.result().trades();
        if (trades.isEmpty()) return b.append("  no closed trades").build();
        long period = run.result().spec().data().get(0).bars().periodMillis();
        Table t = Table.of("#", "symbol", "side", "qty", "entry", "price", "exit", "price", "bars", "pnl", "return", "reason")
                .right(0, 3, 5, 7, 8, 9, 10).indent("  ");
        double net = 0;
        int winners = 0;
        for (int k = 0; k < trades.size(); k++) {
            ClosedTrade c = trades.get(k);
            net += c.pnl();
            if (c.pnl() > 0) winners++;
            t.row(k + 1, c.symbol(), c.side(), Numbers.quantity(c.qty()), IsoTime.readable(c.entryTime().toEpochMilli(), period),
                    Numbers.value(c.entryPrice()), IsoTime.readable(c.exitTime().toEpochMilli(), period), Numbers.value(c.exitPrice()),
                    c.barsHeld(), Table.signed(Numbers.money(c.pnl()), c.pnl()),
                    Table.signed(Numbers.percent(c.returnFraction()), c.returnFraction()), c.exitReason().word());
        }
        b.table(t.block()).append('\n');
        b.append(String.format("  %d trade%s, %d winner%s, net pnl ", trades.size(), trades.size() == 1 ? "" : "s",
                winners, winners == 1 ? "" : "s"));
        b.append(Table.signed(Numbers.money(net), net));
        if (!run.result().openPositions().isEmpty()) {
            b.append(String.format("; %d position%s still open%s", run.result().openPositions().size(),
                    run.result().openPositions().size() == 1 ? "" : "s",
                    run.result().stoppedEarly() ? " when the run stopped" : " at the end of the data (endOfData)"), Styles.DIM);
        }
        return b.build();
    }

    /** The session's runs, one per row. */
    public static View list(List<SessionRun> runs, int maxWidth) {
        Table t = Table.of("run", "strategy", "params", "data", "return", "sharpe", "max dd", "trades", "outputs")
                .right(0, 4, 5, 6, 7);
        for (SessionRun r : runs) {
            var res = r.result();
            var m = res.metrics();
            String params = res.spec().strategy().params().toString().replaceAll("[{}]", "");
            t.row("#" + r.id(), res.name(), params, String.join(",", res.spec().symbols()),
                    m == null ? "n/a" : Table.signed(Numbers.percent(m.totalReturn()), m.totalReturn()),
                    m == null ? "n/a" : MetricsFormat.value("sharpe", finite(m.sharpe())),
                    m == null ? "n/a" : Numbers.percent(m.maxDrawdown()),
                    m == null ? "n/a" : m.trades(),
                    r.dir().map(io.tradeshell.shell.app.trading.ProjectHome::display).orElse("(in memory)"));
        }
        return View.of(t.block(maxWidth));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static AttributedString styledValue(String key, Object v) {
        String text = MetricsFormat.value(key, v);
        boolean signed = key.equals("totalReturn") || key.equals("cagr") || key.equals("expectancy") || key.equals("buyAndHoldReturn");
        if (signed && v instanceof Number n) return Table.signed(text, n.doubleValue());
        return new AttributedString(text);
    }
}
