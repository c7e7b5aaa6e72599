package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderType;
import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.MarketData;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunRecorder;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped Donchian breakout on the bundled AAPL data, costs on: each entry's size is
 * worked out here from the CSV text with a plain ATR, as equity x 1% / (2 x ATR(14) at the
 * decision bar), rounded down to whole shares, and its stop stands 2 ATRs from the entry fill.
 */
class DonchianAtrRiskTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path AAPL = ROOT.resolve("data/aapl_daily_2013.csv");

    @Test
    void everyEntryRisksOnePercentOfEquityOnATwoAtrStop() throws Exception {
        var loaded = MarketData.load(AAPL, LoadOptions.defaults());
        var script = new StrategyCompiler().compile(ROOT.resolve("strategies/donchian_atr_risk.groovy"));
        var costs = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001), new Slippage(5), 0, 0, 0, 1);
        List<TradingEvent> events = new ArrayList<>();
        RunRecorder tape = new RunRecorder() {
            public void on(TradingEvent e) { events.add(e); }
            public void onEquity(long time, double equity, double cash, double exposure, double benchmark) { }
        };
        RunResult r = Backtest.run(new RunSpec("strategies/donchian_atr_risk.groovy", script.withParams(Map.of()),
                List.of(new DataInput(loaded.series(), "aapl", loaded.sha256())), costs, 100_000, RiskLimits.none(), 1), tape);

        // ---- the CSV read by hand, with a plain Wilder ATR(14) and the previous 20-bar channel ----
        List<String> lines = Files.readAllLines(AAPL);
        int n = lines.size() - 1;
        double[] high = new double[n], low = new double[n], close = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            high[i] = Double.parseDouble(f[2]);
            low[i] = Double.parseDouble(f[3]);
            close[i] = Double.parseDouble(f[4]);
        }
        double[] atr = new double[n];
        for (int i = 0; i < n; i++) {
            // true range; ta4j's ATR(14) is NaN before bar 14, then starts from bar 14's true range
            double prev = close[Math.max(0, i - 1)];
            double tr = Math.max(high[i] - low[i], Math.max(Math.abs(high[i] - prev), Math.abs(prev - low[i])));
            atr[i] = i < 14 ? Double.NaN : i == 14 ? tr : atr[i - 1] + (tr - atr[i - 1]) / 14;
        }
        // the first breakout: no channel before bar 20, the account untouched until then
        int first = -1;
        boolean longFirst = false;
        for (int i = 20; i < n && first < 0; i++) {
            double hi = Double.NEGATIVE_INFINITY, lo = Double.POSITIVE_INFINITY;
            for (int k = i - 20; k < i; k++) {
                hi = Math.max(hi, high[k]);
                lo = Math.min(lo, low[k]);
            }
            if (close[i] > hi || close[i] < lo) {
                first = i;
                longFirst = close[i] > hi;
            }
        }
        assertThat(first).as("a breakout in 2013").isPositive();
        double firstQty = Math.floor(100_000 * 0.01 / (2 * atr[first]));

        List<Fill> entries = r.fills().stream().filter(f -> f.tag().equals("buyWhen") || f.tag().equals("shortWhen")).toList();
        assertThat(entries).as("entries").hasSizeGreaterThan(3);
        Fill e0 = entries.get(0);
        assertThat(e0.time()).isEqualTo(loaded.series().openTime(first + 1));
        assertThat(e0.side()).isEqualTo(longFirst ? Side.BUY : Side.SELL);
        assertThat(e0.qty()).isEqualTo(firstQty);

        // every later entry: the account at its decision bar (the bar before the fill) x 1% / (2 x ATR there)
        var curve = r.curve();
        for (Fill e : entries) {
            int fillBar = indexOf(loaded.series(), e.time());
            int decision = fillBar - 1;
            double equity = curve.equity()[decision];
            assertThat(curve.time()[decision]).isEqualTo(loaded.series().openTime(decision));
            assertThat(e.qty()).as("entry at " + e.time()).isEqualTo(Math.floor(equity * 0.01 / (2 * atr[decision])));

            // its stop-loss: 2 x ATR at the decision bar away from the entry fill, on the losing side
            double level = e.side() == Side.BUY ? e.price() - 2 * atr[decision] : e.price() + 2 * atr[decision];
            assertThat(events).anySatisfy(ev -> {
                assertThat(ev).isInstanceOf(TradingEvent.OrderAccepted.class);
                var req = ((TradingEvent.OrderAccepted) ev).order().request();
                assertThat(req.tag()).isEqualTo("stopLoss");
                assertThat(req.type()).isEqualTo(OrderType.STOP);
                assertThat(req.qty()).isEqualTo(e.qty());
                assertThat(req.stopPrice()).isCloseTo(level, within(1e-6));
            });
        }
        // a stop that is hit loses about 1% of the equity at entry: gaps and costs can add to it
        r.trades().stream().filter(t -> t.exitReason().word().equals("stopLoss"))
                .forEach(t -> assertThat(-t.pnl()).isBetween(500.0, 1_500.0));
    }

    private static int indexOf(BarSeries s, long time) {
        for (int i = 0; i < s.size(); i++) if (s.openTime(i) == time) return i;
        throw new AssertionError("no bar at " + time);
    }
}
