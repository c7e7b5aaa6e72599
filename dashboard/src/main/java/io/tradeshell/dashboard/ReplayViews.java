package io.tradeshell.dashboard;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.journal.Json;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.diff.TradeDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the pages draw from a replay: the bars and indicators of the price chart, and the
 * backtest-versus-live pane (the backtest's equity, and each trade of the paper session that
 * differs from it with the cause {@code parity} names). Replays are kept per folder: a
 * backtest of the same script over the same data does not change. Panes are shared by every
 * viewer and the journal is read incrementally, so watching costs the session little.
 */
final class ReplayViews {
    /** However many viewers ask, a running session's pane is made again at most this often. */
    static final long PANE_MILLIS = 2_000;

    private final Replays replays;
    private final Map<Path, Optional<Replays.Replay>> cache = new ConcurrentHashMap<>();
    /** The last pane made for each account, encoded, with the journal's size it was made from: viewers share it. */
    private final Map<Path, Pane> panes = new ConcurrentHashMap<>();
    /** Each account's journal as read so far. */
    private final Map<Path, JournalRun> journals = new ConcurrentHashMap<>();
    /** Each folder's price chart, encoded once: it does not change. */
    private final Map<Path, byte[]> charts = new ConcurrentHashMap<>();
    /** Each account's backtest equity, encoded once: it does not change. */
    private final Map<Path, byte[]> curves = new ConcurrentHashMap<>();

    private final Map<Path, Object> making = new ConcurrentHashMap<>();

    private record Pane(long journalSize, long madeAt, byte[] json) { }

    ReplayViews(Replays replays) {
        this.replays = replays;
    }

    /** The folder's replay, made once; none is kept while it cannot be made (a session page opened before its account exists). */
    private Optional<Replays.Replay> replay(Path dir) {
        Optional<Replays.Replay> r = cache.computeIfAbsent(dir, d -> {
            try {
                return replays.replay(d);
            } catch (RuntimeException e) {
                return Optional.empty(); // a script or data that no longer loads: the page shows the files
            }
        });
        if (r.isEmpty()) cache.remove(dir, r);
        return r;
    }

    /**
     * {@code {bars: [[t, o, h, l, c]...], overlays: [{name, values}]}}, times in epoch seconds of
     * each bar's open; encoded once per folder and shared by every viewer.
     */
    byte[] chart(Path dir) throws IOException {
        synchronized (lock(dir)) { // the first page to ask makes it; the others, asking at once, wait for it
            byte[] c = charts.get(dir);
            return c != null ? c : makeChart(dir);
        }
    }

    private byte[] makeChart(Path dir) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<Replays.Replay> r = replay(dir);
        if (r.isPresent()) {
            BarSeries bars = r.get().bars();
            double[][] rows = new double[bars.size()][];
            for (int i = 0; i < bars.size(); i++) {
                rows[i] = new double[] {bars.openTime(i) / 1000.0, bars.open(i), bars.high(i), bars.low(i), bars.close(i)};
            }
            out.put("symbol", bars.symbol());
            out.put("bars", rows);
            List<Map<String, Object>> lines = new ArrayList<>();
            for (Replays.Line l : r.get().overlays()) {
                List<Double> v = new ArrayList<>(l.values().length);
                for (double x : l.values()) v.add(Double.isFinite(x) ? x : null);
                lines.add(Map.of("name", l.name(), "values", v));
            }
            out.put("overlays", lines);
        }
        byte[] c = encode(out);
        if (r.isPresent()) charts.put(dir, c);
        return c;
    }

    /**
     * The backtest-versus-live pane of a paper account as JSON: the trades that differ and the
     * counts, and with {@code curve} the backtest's equity too (a page asks for that once). Made
     * again only when the journal has grown, and while it grows at most every {@link
     * #PANE_MILLIS}, whatever the number of viewers.
     */
    byte[] parity(Path account, boolean curve) throws IOException {
        if (curve) {
            synchronized (lock(account)) {
                byte[] c = curves.get(account);
                if (c == null) {
                    Optional<Replays.Replay> r = replay(account);
                    if (r.isEmpty()) return encode(Map.of());
                    RunResult b = r.get().backtest().result();
                    double[][] equity = new double[b.curve().size()][];
                    for (int i = 0; i < equity.length; i++) equity[i] = new double[] {b.curve().time()[i] / 1000.0, b.curve().equity()[i]};
                    c = encode(Map.of("backtestEquity", equity));
                    curves.put(account, c);
                }
                return c;
            }
        }
        Path journal = account.resolve("journal.jsonl");
        long size = Files.isRegularFile(journal) ? Files.size(journal) : -1;
        synchronized (lock(account)) { // one reading per account at a time
            Pane last = panes.get(account);
            if (last != null && (last.journalSize() == size || System.currentTimeMillis() - last.madeAt() < PANE_MILLIS)) return last.json();
            byte[] body = encode(pane(account));
            panes.put(account, new Pane(size, System.currentTimeMillis(), body));
            return body;
        }
    }

    /** Held while a folder's chart, curve or pane is made, so each is made once however many pages ask at the same time. */
    private Object lock(Path dir) {
        return making.computeIfAbsent(dir, d -> new Object());
    }

    private static byte[] encode(Object body) throws IOException {
        return Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(body);
    }

    private Map<String, Object> pane(Path account) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<Replays.Replay> r = replay(account);
        if (r.isEmpty() || !Files.exists(account.resolve("journal.jsonl"))) return out;
        TradeDiff.Run backtest = r.get().backtest();
        JournalRun.SoFar paper = journals.computeIfAbsent(account, JournalRun::new).read(backtest.result());
        TradeDiff.Run reference = until(backtest, paper.until());
        out.put("hasBacktest", true);
        out.put("until", paper.until() == Long.MIN_VALUE ? null : paper.until() / 1000.0);
        out.put("backtestTrades", reference.result().trades().size());
        out.put("paperTrades", paper.run().result().trades().size());
        List<Map<String, Object>> diffs = new ArrayList<>();
        for (TradeDiff.Difference d : TradeDiff.compare(reference, paper.run())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", d.number());
            m.put("cause", d.label());
            m.put("detail", d.detail());
            m.put("backtest", d.reference().map(ReplayViews::trade).orElse(null));
            m.put("paper", d.other().map(ReplayViews::trade).orElse(null));
            diffs.add(m);
        }
        out.put("differences", diffs);
        return out;
    }

    /** The backtest as far as the session has got: trades closed and events up to {@code until}. */
    private static TradeDiff.Run until(TradeDiff.Run run, long until) {
        RunResult r = run.result();
        List<ClosedTrade> trades = r.trades().stream().filter(t -> t.exitTime().toEpochMilli() <= until).toList();
        List<TradingEvent> events = run.events().stream().filter(e -> e.time() <= until).toList();
        RunResult cut = new RunResult(r.name(), r.mode(), r.spec(), r.curve(), r.benchmark(), trades, r.fills(), r.orders(),
                r.openPositions(), r.warmupBars(), r.bars(), r.metrics(), r.assumptions(), r.startedAt(), r.finishedAt(), r.stoppedEarly(),
                r.accountChecks());
        return new TradeDiff.Run(run.name(), cut, events);
    }

    private static Map<String, Object> trade(ClosedTrade t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", t.symbol());
        m.put("side", t.side().name());
        m.put("qty", t.qty());
        m.put("entryTime", t.entryTime().toString());
        m.put("entryPrice", t.entryPrice());
        m.put("exitTime", t.exitTime().toString());
        m.put("exitPrice", t.exitPrice());
        m.put("pnl", t.pnl());
        m.put("exitReason", t.exitReason().word());
        return m;
    }
}
