package io.tradeshell.dsl;

import static io.tradeshell.dsl.ScriptBehaviourTest.NO_COSTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunRecorder;
import io.tradeshell.engine.run.RunSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Causality as a property: for generated scripts (declared rules, onBar logic reading past bars,
 * limit orders, stops) and generated bars, a run on data that differs only after bar k decides
 * exactly the same orders up to bar k's close as a run on the original data.
 */
class FutureBarsChangeNothingTest {
    private static final long HOUR = 3_600_000L;
    private static final String[] PRICES = {"close", "high", "low", "open"};

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void changingBarsAfterKChangesNoOrderDecidedUpToK(int seed) {
        Random rnd = new Random(seed);
        String script = script(rnd);
        int n = 150, k = 20 + rnd.nextInt(110);
        double[][] original = walk(rnd, n);
        double[][] altered = alterAfter(original, k, new Random(seed * 31L + 7));
        CompiledScript compiled;
        try {
            compiled = new StrategyCompiler().compile("gen" + seed + ".groovy", "gen.groovy", script);
        } catch (ScriptException e) {
            throw new AssertionError(script, e);
        }
        long decidedBy = k * HOUR + HOUR; // bar k's close
        List<String> a = ordersDecidedBy(compiled, series(original), decidedBy);
        List<String> b = ordersDecidedBy(compiled, series(altered), decidedBy);
        assertThat(b).as("orders up to bar %d of\n%s", k, script).isEqualTo(a);
    }

    private static List<String> ordersDecidedBy(CompiledScript script, BarSeries bars, long until) {
        List<String> submitted = new ArrayList<>();
        RunRecorder recorder = new RunRecorder() {
            @Override
            public void on(TradingEvent e) {
                if (e instanceof TradingEvent.OrderSubmitted s && s.time() <= until) submitted.add(s.time() + " " + s.order().request());
                if (e instanceof TradingEvent.RiskDenied d && d.time() <= until) submitted.add(d.time() + " denied " + d.request());
            }

            @Override
            public void onEquity(long time, double equity, double cash, double exposure, double benchmark) { }
        };
        Backtest.run(new RunSpec("gen.groovy", script.withParams(Map.of()), List.of(new DataInput(bars, "X", "")), NO_COSTS,
                100_000, RiskLimits.none(), 1), recorder);
        return submitted;
    }

    /** A script from the language's words: declared rules with exits, or onBar logic on past bars. */
    static String script(Random rnd) {
        StringBuilder s = new StringBuilder();
        s.append("def a = ").append(indicator(rnd)).append('\n');
        s.append("def b = ").append(indicator(rnd)).append('\n');
        switch (rnd.nextInt(3)) {
            case 0 -> {
                s.append("buyWhen ").append(rule(rnd, "a", "b")).append(", qty: ").append(1 + rnd.nextInt(20)).append('\n');
                s.append("sellWhen ").append(rule(rnd, "b", "a")).append('\n');
                if (rnd.nextBoolean()) s.append("stopLoss percent: ").append(1 + rnd.nextInt(5)).append('\n');
                if (rnd.nextBoolean()) s.append("trailingStop percent: ").append(1 + rnd.nextInt(5)).append('\n');
            }
            case 1 -> {
                s.append("shortWhen ").append(rule(rnd, "a", "b")).append(", percent: ").append(5 + rnd.nextInt(20)).append('\n');
                s.append("coverWhen ").append(rule(rnd, "b", "a")).append('\n');
                if (rnd.nextBoolean()) s.append("takeProfit percent: ").append(1 + rnd.nextInt(5)).append('\n');
            }
            default -> {
                int back = 1 + rnd.nextInt(5);
                s.append("onBar {\n");
                s.append("    if (index < ").append(back).append(" || Double.isNaN(a[0]) || Double.isNaN(b[0])) return\n");
                s.append("    double diff = close[0] - close[").append(back).append("]\n");
                s.append("    if (flat && diff > 0 && a[0] > b[0]) buy(").append(1 + rnd.nextInt(9)).append(")\n");
                s.append("    else if (long && (diff < 0 || bar.low < a[1])) sell()\n");
                s.append("    if (flat && orders.isEmpty() && index % ").append(2 + rnd.nextInt(5)).append(" == 0) buyLimit(bar.close * 0.99, 2)\n");
                s.append("}\n");
            }
        }
        return s.toString();
    }

    private static String indicator(Random rnd) {
        String price = PRICES[rnd.nextInt(PRICES.length)];
        int n = 2 + rnd.nextInt(20);
        return switch (rnd.nextInt(8)) {
            case 0 -> "sma(" + price + ", " + n + ")";
            case 1 -> "ema(" + price + ", " + n + ")";
            case 2 -> "wma(" + price + ", " + n + ")";
            case 3 -> "highest(" + price + ", " + n + ")";
            case 4 -> "lowest(" + price + ", " + n + ")";
            case 5 -> "previous(sma(" + price + ", " + n + "), " + (1 + rnd.nextInt(3)) + ")";
            case 6 -> "bollinger(" + price + ", " + n + ").middle + atr(" + n + ") * 0.5";
            default -> "macd(" + price + ").line + " + price;
        };
    }

    private static String rule(Random rnd, String x, String y) {
        return switch (rnd.nextInt(4)) {
            case 0 -> "crossedOver(" + x + ", " + y + ")";
            case 1 -> "crossedUnder(" + x + ", " + y + ")";
            case 2 -> "and(over(" + x + ", " + y + "), rising(close, 2))";
            default -> "or(crossedOver(" + x + ", " + y + "), falling(" + y + ", 3))";
        };
    }

    /** A random walk of OHLCV bars: rows of {open, high, low, close, volume}. */
    static double[][] walk(Random rnd, int n) {
        double[][] rows = new double[n][];
        double price = 100;
        for (int i = 0; i < n; i++) {
            double open = price, close = Math.max(1, open * (1 + rnd.nextGaussian() * 0.02));
            double high = Math.max(open, close) * (1 + rnd.nextDouble() * 0.01), low = Math.min(open, close) * (1 - rnd.nextDouble() * 0.01);
            rows[i] = new double[] {open, high, low, close, 1000 + rnd.nextInt(9000)};
            price = close;
        }
        return rows;
    }

    static double[][] alterAfter(double[][] rows, int k, Random rnd) {
        double[][] out = rows.clone();
        for (int i = k + 1; i < rows.length; i++) {
            double f = 0.5 + rnd.nextDouble();
            double[] r = rows[i];
            out[i] = new double[] {r[0] * f, r[1] * f * 1.01, r[2] * f * 0.99, r[3] * f, r[4] * 3};
        }
        return out;
    }

    static BarSeries series(double[][] rows) {
        BarSeries s = new BarSeries("X", Duration.ofHours(1), 4, rows.length);
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            s.append(i * HOUR, round(r[0]), round(r[1]), round(r[2]), round(r[3]), r[4]);
        }
        return s;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
