package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.MarketData;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped sector rotation on the bundled sector ETFs, through script, DSL and engine,
 * against a plain loop written here from the JSON text: its own rate of change, ranking, month
 * detection, allocation in whole shares, and fills at the next open with the same commission and
 * slippage. Same fills, same final equity, to the cent.
 */
class SectorRotationAgainstPlainLoopTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path SECTORS = ROOT.resolve("data/sectors");
    static final long DAY = 86_400_000L;

    static final double CASH = 100_000, RATE = 0.001, SLIP = 5 / 10_000.0;
    static final double BUFFER = 0.01, TOLERANCE = 0.005;
    static final int LOOKBACK = 126, TOP = 3;

    record PlainFill(long time, String symbol, boolean buy, double qty, double price) { }

    /** One symbol's bars as the file has them: open times in millis, opens and closes. */
    record Candles(String symbol, long[] start, double[] open, double[] close) { }

    @Test
    void fillsAndFinalEquityMatchAnIndependentLoopToTheCent() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(SECTORS)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(11);

        List<DataInput> data = new ArrayList<>();
        for (Path f : files) {
            var loaded = MarketData.load(f, LoadOptions.defaults().withSymbol(symbolOf(f)));
            data.add(new DataInput(loaded.series(), f.toString(), loaded.sha256()));
        }
        var script = new StrategyCompiler().compile(ROOT.resolve("strategies/sector_rotation.groovy"));
        RunResult engine = Backtest.run(new RunSpec("strategies/sector_rotation.groovy", script.withParams(Map.of()), data,
                ExecutionSettings.defaults(), CASH, RiskLimits.none(), 1));

        List<Candles> universe = new ArrayList<>();
        for (Path f : files) universe.add(read(f));
        Plain plain = new Plain(universe);
        plain.run();

        assertThat(plain.fills).hasSizeGreaterThan(50);
        assertThat(engine.fills()).hasSameSizeAs(plain.fills);
        // fills at one open compared symbol by symbol: when each is booked within the moment is the broker's business
        List<Fill> engineFills = engine.fills().stream()
                .sorted(java.util.Comparator.comparingLong(Fill::time).thenComparing(Fill::symbol)).toList();
        List<PlainFill> plainFills = plain.fills.stream()
                .sorted(java.util.Comparator.comparingLong(PlainFill::time).thenComparing(PlainFill::symbol)).toList();
        for (int k = 0; k < plainFills.size(); k++) {
            PlainFill p = plainFills.get(k);
            Fill e = engineFills.get(k);
            String where = "fill " + k + " " + p;
            assertThat(e.time()).as(where).isEqualTo(p.time());
            assertThat(e.symbol()).as(where).isEqualTo(p.symbol());
            assertThat(e.side().name()).as(where).isEqualTo(p.buy() ? "BUY" : "SELL");
            assertThat(e.qty()).as(where).isEqualTo(p.qty());
            assertThat(e.price()).as(where).isCloseTo(p.price(), within(1e-9));
        }
        assertThat(engine.metrics().finalEquity()).isCloseTo(plain.equity(), within(0.005));
    }

    static String symbolOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.indexOf('_')).toUpperCase(Locale.ROOT);
    }

    /** Reads {@code {"candles":[{"start":"...","open":"...",...}, ...]}} with a regular expression per field. */
    static Candles read(Path file) throws Exception {
        String text = Files.readString(file);
        Matcher candle = Pattern.compile("\\{[^{}]*\\}").matcher(text.substring(text.indexOf('[')));
        List<double[]> rows = new ArrayList<>();
        while (candle.find()) {
            String c = candle.group();
            rows.add(new double[] {field(c, "start"), field(c, "open"), field(c, "close")});
        }
        rows.sort(Comparator.comparingDouble(r -> r[0]));
        int n = rows.size();
        long[] start = new long[n];
        double[] open = new double[n], close = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = (long) rows.get(i)[0] * 1000;
            open[i] = rows.get(i)[1];
            close[i] = rows.get(i)[2];
        }
        return new Candles(symbolOf(file), start, open, close);
    }

    static double field(String candle, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([-0-9.eE]+)\"?").matcher(candle);
        if (!m.find()) throw new IllegalStateException("no " + name + " in " + candle);
        return Double.parseDouble(m.group(1));
    }

    /** The rotation in plain Java: arrays, a sort, and a cash account. */
    static final class Plain {
        final List<Candles> u;
        final int n;
        final int[] next;           // each symbol's next bar
        final double[] position, lastClose, pending;  // pending: signed quantity to fill at the next open
        double cash = CASH;
        final List<PlainFill> fills = new ArrayList<>();

        Plain(List<Candles> universe) {
            this.u = universe;
            this.n = universe.size();
            next = new int[n];
            position = new double[n];
            lastClose = new double[n];
            pending = new double[n];
            java.util.Arrays.fill(lastClose, Double.NaN);
        }

        double equity() {
            double e = cash;
            for (int k = 0; k < n; k++) if (position[k] != 0) e += position[k] * lastClose[k];
            return e;
        }

        void run() {
            TreeSet<Long> times = new TreeSet<>();
            for (Candles c : u) for (long t : c.start()) times.add(t);
            LocalDate previous = null;
            for (long t : times) {
                // the bars opening at t: pending orders fill at the open, sells first, then buys as far as
                // the cash goes (a cash account: cost plus commission never above the cash); then the close is known
                for (int pass = 0; pass < 2; pass++) {
                    for (int k = 0; k < n; k++) {
                        Candles c = u.get(k);
                        int i = next[k];
                        if (i >= c.start().length || c.start()[i] != t || pending[k] == 0) continue;
                        boolean buy = pending[k] > 0;
                        if (buy != (pass == 1)) continue;
                        double qty = Math.abs(pending[k]);
                        double price = buy ? c.open()[i] * (1 + SLIP) : c.open()[i] * (1 - SLIP);
                        while (buy && qty > 0 && cash - qty * price - qty * price * RATE < 0) qty--;
                        pending[k] = 0;
                        if (qty == 0) continue;
                        cash -= (buy ? qty : -qty) * price + qty * price * RATE;
                        position[k] += buy ? qty : -qty;
                        fills.add(new PlainFill(t, c.symbol(), buy, qty, price));
                    }
                }
                for (int k = 0; k < n; k++) {
                    Candles c = u.get(k);
                    int i = next[k];
                    if (i >= c.start().length || c.start()[i] != t) continue;
                    lastClose[k] = c.close()[i];
                    next[k] = i + 1;
                }
                LocalDate date = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).toLocalDate();
                boolean monthStart = previous == null || date.getMonthValue() != previous.getMonthValue() || date.getYear() != previous.getYear();
                previous = date;
                if (monthStart) rebalance();
            }
        }

        void rebalance() {
            // rate of change over LOOKBACK bars at each symbol's last close; too short a history is not ranked
            List<Integer> ranked = new ArrayList<>();
            double[] roc = new double[n];
            for (int k = 0; k < n; k++) {
                int last = next[k] - 1;
                if (last < LOOKBACK) continue;
                double then = u.get(k).close()[last - LOOKBACK];
                roc[k] = (u.get(k).close()[last] - then) / then;
                ranked.add(k);
            }
            ranked.sort((x, y) -> Double.compare(roc[y], roc[x])); // stable: ties keep the symbols' order
            List<Integer> picks = ranked.subList(0, Math.min(TOP, ranked.size()));

            double equity = equity(), investable = equity * (1 - BUFFER);
            double[] change = new double[n];
            for (int k = 0; k < n; k++) {
                double wanted = picks.contains(k) ? Math.floor((1.0 / picks.size()) * investable / lastClose[k] + 1e-9) : 0;
                double d = wanted - position[k];
                if (d == 0 || (wanted != 0 && Math.abs(d) * lastClose[k] < TOLERANCE * equity)) continue;
                change[k] = d;
            }
            double spendable = cash;
            for (int k = 0; k < n; k++) {
                if (change[k] >= 0) continue;
                double sold = -change[k] * lastClose[k] * (1 - SLIP);
                spendable += sold - sold * RATE;
            }
            double cost = 0;
            for (int k = 0; k < n; k++) if (change[k] > 0) cost += change[k] * lastClose[k] * (1 + SLIP) * (1 + RATE);
            if (cost > spendable) { // shrink the buys alike, then trim the last ones a share at a time
                double f = spendable / cost;
                for (int k = 0; k < n; k++) if (change[k] > 0) change[k] = Math.floor(change[k] * f + 1e-9);
                for (int k = n - 1; k >= 0; k--) {
                    while (change[k] > 0 && buyCost(change) > spendable) change[k]--;
                }
            }
            for (int k = 0; k < n; k++) pending[k] = change[k];
        }

        double buyCost(double[] change) {
            double cost = 0;
            for (int k = 0; k < n; k++) if (change[k] > 0) cost += change[k] * lastClose[k] * (1 + SLIP) * (1 + RATE);
            return cost;
        }
    }
}
