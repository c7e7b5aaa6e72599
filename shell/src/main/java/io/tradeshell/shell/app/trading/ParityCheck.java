package io.tradeshell.shell.app.trading;

import io.tradeshell.report.text.Amounts;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.journal.RunOutputWriter;
import io.tradeshell.engine.metrics.EquityCurve;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.engine.paper.PaperSession;
import io.tradeshell.engine.paper.SessionConfig;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.CompositeRecorder;
import io.tradeshell.engine.run.EventLog;
import io.tradeshell.engine.run.LiveRun;
import io.tradeshell.engine.run.RunRecorder;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.Speed;
import io.tradeshell.engine.diff.TradeDiff;
import io.tradeshell.engine.run.WallClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Proves the modes agree: runs one script on one data set as a backtest, a simulated live run
 * at full speed and a paper session, then compares the live run's and the paper session's
 * trades with the backtest's one by one, each difference labelled with its cause. The backtest
 * and the live run use the fill settings without the paper realism (latency, partial fills,
 * random rejections); the paper session uses them as given, so with them off all three agree.
 */
public final class ParityCheck {
    private final RunService service;

    public ParityCheck(RunService service) {
        this.service = service;
    }

    /** One mode's run. */
    public record ModeRun(String mode, RunResult result, List<io.tradeshell.engine.events.TradingEvent> events) { }

    /**
     * The three runs and how the live run and the paper session differ from the backtest.
     *
     * @param liveEquity  equity points of the live run that differ from the backtest's
     * @param paperEquity equity points of the paper session that differ from the backtest's
     */
    public record Report(ModeRun backtest, ModeRun live, ModeRun paper, List<TradeDiff.Difference> liveDiffs,
                         List<TradeDiff.Difference> paperDiffs, int liveEquity, int paperEquity, Optional<Path> dir) {
        public boolean identical() {
            return liveDiffs.isEmpty() && paperDiffs.isEmpty() && liveEquity == 0 && paperEquity == 0;
        }
    }

    /** Runs the three modes; with {@code out}, their files go to {@code out/backtest}, {@code out/live} and {@code out/paper/parity}. */
    public Report run(Path script, RunSettings options, Optional<Path> out, PrintWriter err) {
        LiveData data = LiveData.load(options.dataOrDefault(ProjectHome.get()), options.lenient(), options.barPeriod(), err);
        ExecutionSettings paperFills = options.execution();
        ExecutionSettings plainFills = paperFills.withRealism(0, 0, 0, paperFills.seed());
        RunSpec plain = service.spec(script, options, Map.of(), data.inputs()).withExecution(plainFills);
        RunSpec paper = plain.withExecution(paperFills);
        Path home = out.orElseGet(ParityCheck::tempDir);
        try {
            EventLog backtestLog = new EventLog();
            RunResult backtest = Backtest.loop(plain, recorder(backtestLog, out.map(d -> d.resolve("backtest")))).run();
            EventLog liveLog = new EventLog();
            RunResult live = LiveRun.of(plain, data.feed()).speed(Speed.MAX)
                    .recorder(recorder(liveLog, out.map(d -> d.resolve("live")))).run();
            EventLog paperLog = new EventLog();
            PaperHome paperHome = new PaperHome(home);
            SessionConfig config = new SessionConfig("parity", ProjectHome.display(script), options.paramOverrides(), data.refs(),
                    options.bar(), options.lenient(), Speed.MAX, options.cash(), options.lot(), paperFills, options.risk(),
                    options.stopLossPct(), options.takeProfitPct(), WallClock.SYSTEM.instant().toString());
            if (paperHome.account("parity").exists()) deleteTree(paperHome.account("parity").dir());
            RunResult paperResult = PaperSession.start(paperHome.account("parity"), config, script, paper, data.feed(),
                    PaperSession.Wiring.quiet().withConsole(paperLog)).run().result();

            ModeRun b = new ModeRun("backtest", backtest, backtestLog.events());
            ModeRun l = new ModeRun("live", live, liveLog.events());
            ModeRun p = new ModeRun("paper", paperResult, paperLog.events());
            return new Report(b, l, p, diff(b, l), diff(b, p), equityDiffs(backtest.curve(), live.curve()),
                    equityDiffs(backtest.curve(), paperResult.curve()), out);
        } finally {
            if (out.isEmpty()) deleteTree(home);
        }
    }

    private static RunRecorder recorder(EventLog log, Optional<Path> dir) {
        if (dir.isEmpty()) return log;
        return new CompositeRecorder(List.of(new RunOutputWriter(dir.get(), false), log), List.of());
    }

    private static List<TradeDiff.Difference> diff(ModeRun reference, ModeRun other) {
        return TradeDiff.compare(new TradeDiff.Run(reference.mode(), reference.result(), reference.events()),
                new TradeDiff.Run(other.mode(), other.result(), other.events()));
    }

    /** Equity points that are not exactly equal, counting points only one curve has. */
    static int equityDiffs(EquityCurve a, EquityCurve b) {
        int n = Math.min(a.equity().length, b.equity().length), diffs = Math.abs(a.equity().length - b.equity().length);
        for (int i = 0; i < n; i++) {
            if (a.time()[i] != b.time()[i] || Double.compare(a.equity()[i], b.equity()[i]) != 0) diffs++;
        }
        return diffs;
    }

    public static String render(Report r) {
        StringBuilder s = new StringBuilder();
        RunResult bt = r.backtest().result();
        s.append("Parity of ").append(bt.name()).append("  ").append(bt.spec().script()).append('\n');
        ExecutionSettings x = r.paper().result().spec().execution();
        s.append(String.format(Locale.ROOT, "  paper realism: latency %d ms, volume share %s, reject probability %s (seed %d)%s%n",
                x.latencyMillis(), SummaryTable.trim(x.maxVolumeShare()), SummaryTable.trim(x.rejectProbability()), x.seed(),
                x.hasRealism() ? "" : " (off)"));
        for (ModeRun m : List.of(r.backtest(), r.live(), r.paper())) {
            s.append(String.format(Locale.ROOT, "  %-9s %4d trades  %5d fills  final equity %s", m.mode(), m.result().trades().size(),
                    m.result().fills().size(), finalEquity(m.result())));
            if (m != r.backtest()) {
                List<TradeDiff.Difference> d = m == r.live() ? r.liveDiffs() : r.paperDiffs();
                int eq = m == r.live() ? r.liveEquity() : r.paperEquity();
                s.append("  ").append(d.isEmpty() ? "trades identical" : d.size() + " trade difference(s)")
                        .append(", ").append(eq == 0 ? "equity identical" : eq + " equity point(s) differ");
            }
            s.append('\n');
        }
        s.append(costs(r));
        section(s, "live vs backtest", r.liveDiffs());
        section(s, "paper vs backtest", r.paperDiffs());
        if (r.identical()) s.append("  zero differences: the three modes made the same trades and the same equity\n");
        r.dir().ifPresent(d -> s.append("  runs     ").append(ProjectHome.display(d)).append(" (backtest, live, paper/parity)\n"));
        return s.toString();
    }

    /** The slippage each mode measured beside the one the backtest assumed: "the backtest assumed 5 bps; paper measured 11 bps". */
    static String costs(Report r) {
        var bt = r.backtest().result().costSummary();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  costs     the backtest assumed %s bps of slippage;",
                SummaryTable.trim(r.backtest().result().spec().execution().slippage().bps())));
        for (ModeRun m : List.of(r.backtest(), r.live(), r.paper())) {
            var c = m.result().costSummary();
            s.append(String.format(Locale.ROOT, " %s measured %s bps (shortfall %s bps)%s", m.mode(),
                    CostText.bps(c.medianStartSlippageBps()), CostText.bps(c.shortfallBps()), m == r.paper() ? "" : ","));
        }
        s.append(bt.filled() == 0 ? " (no order filled)" : "").append('\n');
        s.append("            (medians over filled orders of the slippage against the market when each began to trade; tca.jsonl has every order)\n");
        return s.toString();
    }

    private static void section(StringBuilder s, String title, List<TradeDiff.Difference> diffs) {
        if (diffs.isEmpty()) return;
        s.append('\n').append("  ").append(title).append(":\n");
        for (TradeDiff.Difference d : diffs) {
            s.append(String.format(Locale.ROOT, "  #%-3d %-26s %s%n", d.number(), d.label(), d.detail()));
            s.append("       backtest ").append(d.reference().map(ParityCheck::trade).orElse("(no such trade)")).append('\n');
            s.append("       other    ").append(d.other().map(ParityCheck::trade).orElse("(no such trade)")).append('\n');
        }
    }

    private static String trade(ClosedTrade t) {
        return String.format(Locale.ROOT, "%s %s %s  %s @ %s -> %s @ %s  P&L %,.2f", t.side(), Amounts.quantity(t.qty()), t.symbol(),
                t.entryTime(), Amounts.price(t.entryPrice()), t.exitTime(), Amounts.price(t.exitPrice()), t.pnl());
    }

    private static String finalEquity(RunResult r) {
        double[] e = r.curve().equity();
        return e.length == 0 ? "n/a" : String.format(Locale.ROOT, "%,.2f", e[e.length - 1]);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("tradeshell-parity");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + dir + ": " + e.getMessage(), e);
        }
    }
}
