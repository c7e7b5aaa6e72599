package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.MarketData;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped SMA crossover through the whole stack (script, DSL, engine) against a plain loop
 * written here from the CSV text with BigDecimal averages: same trades, same final equity, same
 * max drawdown, to the cent.
 */
class SmaCrossoverAgainstPlainLoopTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path AAPL = ROOT.resolve("data/aapl_daily_2013.csv");

    record PlainTrade(int entryBar, double entryPrice, int exitBar, double exitPrice, double pnl) { }

    @Test
    void tradesFinalEquityAndDrawdownMatchAnIndependentLoopToTheCent() throws Exception {
        var loaded = MarketData.load(AAPL, LoadOptions.defaults());
        var script = new StrategyCompiler().compile(ROOT.resolve("strategies/sma_crossover.groovy"));
        var spec = new RunSpec("strategies/sma_crossover.groovy", script.withParams(Map.of("fast", "10", "slow", "30", "qty", "10")),
                List.of(new DataInput(loaded.series(), "aapl", loaded.sha256())),
                new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001), Slippage.NONE, 0, 0, 0, 1),
                100_000, RiskLimits.none(), 1);
        RunResult engine = Backtest.run(spec);

        // ---- the independent loop -------------------------------------------------------
        List<String> lines = Files.readAllLines(AAPL);
        int n = lines.size() - 1;
        BigDecimal[] open = new BigDecimal[n], close = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            open[i] = new BigDecimal(f[1]);
            close[i] = new BigDecimal(f[4]);
        }
        BigDecimal[] fast = sma(close, 10), slow = sma(close, 30);
        int unstable = 29; // ta4j: SMA(30) is unstable for 29 bars; a crossing needs index > 29
        double cash = 100_000, qty = 10, rate = 0.001;
        double position = 0, entryPrice = 0, entryCommission = 0;
        int entryBar = -1;
        Boolean pendingBuy = null;
        List<PlainTrade> trades = new ArrayList<>();
        double peak = cash, maxDd = 0;
        for (int i = 0; i < n; i++) {
            if (pendingBuy != null) { // fill at this bar's open
                double price = open[i].doubleValue(), commission = qty * price * rate;
                if (pendingBuy) {
                    cash -= qty * price + commission;
                    position = qty;
                    entryPrice = price;
                    entryCommission = commission;
                    entryBar = i;
                } else {
                    cash += qty * price - commission;
                    trades.add(new PlainTrade(entryBar, entryPrice, i, price, (price - entryPrice) * qty - entryCommission - commission));
                    position = 0;
                }
                pendingBuy = null;
            }
            if (position == 0 && crossUp(fast, slow, i, unstable)) pendingBuy = true;
            else if (position > 0 && crossUp(slow, fast, i, unstable)) pendingBuy = false;
            double equity = cash + position * close[i].doubleValue();
            peak = Math.max(peak, equity);
            maxDd = Math.max(maxDd, (peak - equity) / peak);
        }
        double finalEquity = cash + position * close[n - 1].doubleValue();

        // ---- compare ---------------------------------------------------------------------
        assertThat(trades).isNotEmpty();
        assertThat(engine.trades()).hasSize(trades.size());
        for (int k = 0; k < trades.size(); k++) {
            ClosedTrade e = engine.trades().get(k);
            PlainTrade p = trades.get(k);
            assertThat(e.entryTime().toEpochMilli()).isEqualTo(loaded.series().openTime(p.entryBar()));
            assertThat(e.exitTime().toEpochMilli()).isEqualTo(loaded.series().openTime(p.exitBar()));
            assertThat(e.entryPrice()).isEqualTo(p.entryPrice());
            assertThat(e.exitPrice()).isEqualTo(p.exitPrice());
            assertThat(e.qty()).isEqualTo(10.0);
            assertThat(e.pnl()).isCloseTo(p.pnl(), within(0.005));
            assertThat(e.barsHeld()).isEqualTo(p.exitBar() - p.entryBar());
        }
        assertThat(engine.metrics().finalEquity()).isCloseTo(finalEquity, within(0.005));
        assertThat(engine.metrics().maxDrawdown()).isCloseTo(maxDd, within(1e-9));
        assertThat(engine.warmupBars()).isEqualTo(30);
    }

    /** SMA with exact decimal arithmetic, the mean of the last {@code n} closes (fewer during warm-up). */
    static BigDecimal[] sma(BigDecimal[] x, int n) {
        BigDecimal[] out = new BigDecimal[x.length];
        for (int i = 0; i < x.length; i++) {
            BigDecimal sum = BigDecimal.ZERO;
            int from = Math.max(0, i - n + 1);
            for (int k = from; k <= i; k++) sum = sum.add(x[k]);
            out[i] = sum.divide(BigDecimal.valueOf(i - from + 1), MathContext.DECIMAL128);
        }
        return out;
    }

    /** a crosses above b at i, looking back past equal values (ta4j's CrossIndicator). */
    static boolean crossUp(BigDecimal[] a, BigDecimal[] b, int i, int unstable) {
        if (i <= unstable || a[i].compareTo(b[i]) <= 0) return false;
        int k = i - 1;
        while (k > unstable && a[k].compareTo(b[k]) == 0) k--;
        return a[k].compareTo(b[k]) < 0;
    }

    @Test
    void runsOfASweepShareEachDistinctAverageAndGetTheSameResults() throws Exception {
        var loaded = MarketData.load(AAPL, LoadOptions.defaults());
        var script = new StrategyCompiler().compile(ROOT.resolve("strategies/sma_crossover.groovy"));
        var cache = new io.tradeshell.engine.indicators.IndicatorCache();
        var settings = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001), Slippage.NONE, 0, 0, 0, 1);
        int runs = 0;
        for (int fast : new int[] {5, 10}) {
            for (int slow : new int[] {20, 30}) {
                var spec = new RunSpec("s", script.withParams(Map.of("fast", fast, "slow", slow)),
                        List.of(new DataInput(loaded.series(), "aapl", loaded.sha256())), settings, 100_000, RiskLimits.none(), 1);
                RunResult alone = Backtest.run(spec);
                RunResult shared = Backtest.run(spec.withIndicatorCache(cache));
                assertThat(shared.trades()).isEqualTo(alone.trades());
                assertThat(shared.curve().equity()).isEqualTo(alone.curve().equity());
                runs++;
            }
        }
        assertThat(runs).isEqualTo(4);
        // SMA(close, 5), (10), (20), (30): four averages for four combinations, each computed once
        assertThat(cache.size()).isEqualTo(4);
    }
}
