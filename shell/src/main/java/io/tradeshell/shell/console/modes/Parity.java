package io.tradeshell.shell.console.modes;

import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.diff.TradeDiff;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.app.trading.ParityCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One script run as a backtest, a simulated live run and a paper session on the same data,
 * as a value: the three runs (session runs, so {@code chart}, {@code trades} and
 * {@code compare} take them) and every trade in which live and paper differ from the backtest, with its cause.
 */
public final class Parity {
    private final ParityCheck.Report report;
    private final SessionRun backtest;
    private final SessionRun live;
    private final SessionRun paper;

    public Parity(ParityCheck.Report report, SessionRun backtest, SessionRun live, SessionRun paper) {
        this.report = report;
        this.backtest = backtest;
        this.live = live;
        this.paper = paper;
    }

    public ParityCheck.Report report() { return report; }

    public SessionRun getBacktest() { return backtest; }

    public SessionRun getLive() { return live; }

    public SessionRun getPaper() { return paper; }

    /** The three runs by mode, in order: {@code chart(p.runs)} draws their equity together. */
    public Map<String, SessionRun> getRuns() {
        Map<String, SessionRun> out = new LinkedHashMap<>();
        out.put("backtest", backtest);
        out.put("live", live);
        out.put("paper", paper);
        return out;
    }

    public List<TradeDiff.Difference> getLiveDifferences() { return report.liveDiffs(); }

    public List<TradeDiff.Difference> getPaperDifferences() { return report.paperDiffs(); }

    /** Differences by cause, such as {@code fill timing: 14}, the knock-on ones counted apart. */
    public static Map<String, Integer> causes(List<TradeDiff.Difference> diffs) {
        Map<String, Integer> out = new TreeMap<>();
        for (TradeDiff.Difference d : diffs) out.merge(d.label(), 1, Integer::sum);
        return out;
    }

    /** Whether the three made the same trades and the same equity. */
    public boolean isIdentical() {
        return report.identical();
    }

    /** One line: trades per mode and how many differ. */
    @Override
    public String toString() {
        RunResult b = backtest.result();
        return b.name() + " parity: backtest " + b.trades().size() + " trades, live " + live.result().trades().size() + " ("
                + report.liveDiffs().size() + " differing), paper " + paper.result().trades().size() + " ("
                + report.paperDiffs().size() + " differing)";
    }
}
