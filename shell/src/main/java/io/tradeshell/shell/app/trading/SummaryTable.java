package io.tradeshell.shell.app.trading;

import io.tradeshell.report.text.Amounts;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.learning.ModelReport;
import io.tradeshell.engine.portfolio.OpenPosition;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.time.IsoTime;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The readable summary a run ends with on the terminal. */
public final class SummaryTable {
    private SummaryTable() { }

    /** The summary of a finished run, then where its outputs and charts went. */
    public static String withOutputs(RunService.Outcome outcome) {
        StringBuilder b = new StringBuilder(render(outcome.result()));
        b.append("  outputs  ").append(ProjectHome.display(outcome.dir())).append('\n');
        for (Path chart : outcome.charts()) b.append("  chart    ").append(ProjectHome.display(chart)).append('\n');
        return b.toString();
    }

    public static String render(RunResult r) {
        return render(r, Optional.empty());
    }

    /**
     * @param venue the broker whose own fills a session booked (its costs are the broker's, not the
     *              simulated model's), or empty for the simulated broker
     */
    public static String render(RunResult r, Optional<String> venue) {
        StringBuilder b = new StringBuilder();
        b.append(r.name()).append("  [").append(r.mode()).append("]  ").append(r.spec().script()).append('\n');
        for (DataInput d : r.spec().data()) {
            if (LiveFeed.LIVE.equals(d.sha256())) {
                b.append("  ").append(d.symbol()).append("  live prices from ").append(d.file().replace(":" + LiveFeed.LIVE, "")).append('\n');
                continue;
            }
            b.append("  ").append(d.symbol()).append("  ").append(d.file()).append("  ").append(d.bars().size()).append(" bars");
            if (!d.bars().isEmpty()) {
                long period = d.bars().periodMillis();
                b.append("  ").append(IsoTime.readable(d.bars().openTime(0), period)).append(" .. ")
                        .append(IsoTime.readable(d.bars().openTime(d.bars().lastIndex()), period));
            }
            b.append('\n');
        }
        ExecutionSettings x = r.spec().execution();
        if (venue.isPresent()) {
            b.append(String.format(Locale.ROOT, "  params %s%n  fills %s's own: prices and fees as %s reported them (costs below, tca.jsonl); no simulated slippage or commission"
                    + " · cash %,.0f · warm-up %d bars%n", r.spec().strategy().params(), venue.get(), venue.get(), r.spec().cash(), r.warmupBars()));
        } else b.append(String.format(Locale.ROOT, "  params %s%n  fill %s%s · commission %s · slippage %s bps · cash %,.0f · warm-up %d bars%n",
                r.spec().strategy().params(), x.fillTiming().label(),
                x.fillTiming() == io.tradeshell.engine.execution.FillTiming.CLOSE ? " (OPTIMISTIC)" : "",
                commission(x.commission()), trim(x.slippage().bps()), r.spec().cash(), r.warmupBars()));
        if (r.metrics() == null) return b.append("  no bars were processed\n").toString();
        Map<String, Object> m = MetricsFormat.shown(r.metrics());
        int width = 0;
        for (String k : m.keySet()) width = Math.max(width, MetricsFormat.label(k).length());
        b.append("  ").append("─".repeat(width + 16)).append('\n');
        for (var e : m.entrySet()) {
            String value = MetricsFormat.value(e.getKey(), e.getValue());
            b.append("  ").append(pad(MetricsFormat.label(e.getKey()), width)).append(padLeft(value, 16)).append('\n');
        }
        for (OpenPosition p : r.openPositions()) {
            b.append(String.format(Locale.ROOT, "  open %s %s %s @ %s, last %s, unrealised %,.2f%s%n",
                    p.side(), Amounts.quantity(p.qty()), p.symbol(), Amounts.price(p.entryPrice()), Amounts.price(p.lastPrice()), p.unrealizedPnl(),
                    r.stoppedEarly() ? "" : " (endOfData)"));
        }
        var checks = r.accountChecks();
        if (checks.ordersReducedForCash() + checks.ordersRejectedForCash() > 0) {
            b.append(String.format(Locale.ROOT, "  buying power: %d order(s) cut to what the account could pay for, %d rejected%n",
                    checks.ordersReducedForCash(), checks.ordersRejectedForCash()));
        }
        if (!r.costs().isEmpty()) {
            // at a real broker nothing was assumed: the costs are what its fills measured
            b.append("  costs   ").append(venue.isPresent() ? io.tradeshell.engine.tca.CostSummary.of(r.costs(), Double.NaN).describe() : r.costSummary().describe()).append('\n');
        }
        for (ModelReport model : r.models()) b.append("  model   ").append(describe(model)).append('\n');
        if (r.stoppedEarly()) b.append("  (stopped early)\n");
        return b.toString();
    }

    static String commission(io.tradeshell.engine.execution.CommissionModel c) {
        return switch (c) {
            case io.tradeshell.engine.execution.CommissionModel.PercentOfNotional p -> trim(p.rate() * 100) + "% of notional";
            case io.tradeshell.engine.execution.CommissionModel.PerShare s -> trim(s.perShare()) + " per unit (min " + trim(s.minimum()) + ")";
            case io.tradeshell.engine.execution.CommissionModel.PerOrder o -> trim(o.fee()) + " per order";
        };
    }

    static String pad(String s, int w) { return s.length() >= w ? s : s + " ".repeat(w - s.length()); }

    static String padLeft(String s, int w) { return s.length() >= w ? s : " ".repeat(w - s.length()) + s; }

    static String trim(double v) { return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v); }

    /** One line per model: its trainings, out-of-sample accuracy with its standard error, and the audit. */
    static String describe(ModelReport m) {
        if (m.schedule().isEmpty()) {
            return String.format(Locale.ROOT, "'%s' %s: imported (%s, SHA-256 %s), not trained here, %s; %s", m.name(), m.symbol(), m.learner(),
                    m.windows().isEmpty() ? "" : m.windows().getFirst().training().sha256().substring(0, 16) + "…", accuracy(m), m.folder());
        }
        long reused = m.windows().stream().filter(w -> w.training().reused()).count();
        return String.format(Locale.ROOT, "'%s' %s: %d trainings (%s%s), %s, %s; %s", m.name(), m.symbol(), m.windows().size(), m.learner(),
                reused > 0 ? ", " + reused + " loaded from saved models" : "", accuracy(m),
                m.leaks() ? "LEAK: a training used labels not known when it began to predict" : "audit: no label used before it was known",
                m.folder());
    }

    private static String accuracy(ModelReport m) {
        return m.scored() == 0 ? "no prediction scored yet"
                : String.format(Locale.ROOT, "out-of-sample accuracy %.3f ± %.3f over %d predictions", m.accuracy(),
                        Math.sqrt(m.accuracy() * (1 - m.accuracy()) / m.scored()), m.scored());
    }
}
