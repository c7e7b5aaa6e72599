package io.tradeshell.shell.console.modes;

import io.tradeshell.shell.present.View;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.metrics.RunMetrics;
import io.tradeshell.engine.diff.TradeDiff;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.view.Numbers;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.console.view.Table;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** A parity check as the console prints it: the three modes side by side, and why their trades differ. */
public final class ParityView {
    private ParityView() { }

    public static View render(Parity p) {
        View.Builder b = View.builder();
        b.append(p.getBacktest().result().name() + " in three modes", Styles.NAME);
        ExecutionSettings x = p.getPaper().result().spec().execution();
        b.append(x.hasRealism()
                ? String.format(Locale.ROOT, ": paper with latency %,d ms, volume share %s, reject probability %s (seed %d)",
                        x.latencyMillis(), trim(x.maxVolumeShare()), trim(x.rejectProbability()), x.seed())
                : ": paper realism off", Styles.DIM);
        Table t = Table.of("mode", "run", "trades", "fills", "return", "final equity", "trades differing", "equity points differing")
                .right(2, 3, 4, 5, 6, 7);
        row(t, "backtest", p.getBacktest(), List.of(), 0);
        row(t, "live", p.getLive(), p.getLiveDifferences(), p.report().liveEquity());
        row(t, "paper", p.getPaper(), p.getPaperDifferences(), p.report().paperEquity());
        b.append('\n').table(t.block());
        for (var e : Map.of("live", p.getLiveDifferences(), "paper", p.getPaperDifferences()).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            if (e.getValue().isEmpty()) continue;
            b.append('\n').append("  " + e.getKey() + " vs backtest: ", Styles.DIM).append(Parity.causes(e.getValue()).entrySet().stream()
                    .map(c -> c.getValue() + " " + c.getKey()).collect(Collectors.joining(", ")));
        }
        if (p.isIdentical()) b.append('\n').append("  the three modes made the same trades and the same equity", Styles.DIM);
        return b.build();
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void row(Table t, String mode, SessionRun run, List<TradeDiff.Difference> diffs, int equityPoints) {
        RunMetrics m = run.result().metrics();
        t.row(mode, "#" + run.id(), String.format(Locale.ROOT, "%,d", run.result().trades().size()),
                String.format(Locale.ROOT, "%,d", run.result().fills().size()),
                m == null ? "n/a" : Table.signed(Numbers.percent(m.totalReturn()), m.totalReturn()),
                m == null ? "n/a" : Numbers.money(m.finalEquity()),
                mode.equals("backtest") ? "" : String.format(Locale.ROOT, "%,d", diffs.size()),
                mode.equals("backtest") ? "" : String.format(Locale.ROOT, "%,d", equityPoints));
    }
}
