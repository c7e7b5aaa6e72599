package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.MarketData;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunRecorder;
import io.tradeshell.engine.run.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Causality of every shipped strategy as a property: each one is run on the data it is meant for
 * (the sector ETFs for the portfolio strategies, the 4-hour BTC bars for the BTC one, the daily
 * Apple bars for the others) and again on the same data with every bar after a random bar k
 * altered (prices scaled up or down, volume tripled). The orders decided up to bar k's close
 * (submitted before that close's equity point is recorded, so the fills and protective orders
 * of bar k+1's open are not among them) must be the same, order for order.
 */
class ShippedStrategiesFutureTest {
    private static final Path ROOT = SectorRotationAgainstPlainLoopTest.ROOT;
    private static final int ROUNDS = 3;

    static Stream<Arguments> strategiesAndCuts() throws IOException {
        List<Path> shipped;
        try (Stream<Path> s = Files.list(ROOT.resolve("strategies"))) {
            shipped = s.filter(p -> p.toString().endsWith(".groovy")).sorted().toList();
        }
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(9);
        Random rnd = new Random(20261206);
        List<Arguments> out = new ArrayList<>();
        for (Path p : shipped) {
            int bars = data(p).stream().mapToInt(d -> d.bars().size()).min().orElseThrow();
            // past the longest warm-up of any shipped strategy (126 bars, 20 weeks of 4-hour bars), short of the end
            int from = p.getFileName().toString().startsWith("btc") ? 1_000 : 130;
            for (int r = 0; r < ROUNDS; r++) out.add(Arguments.of(p.getFileName().toString(), from + rnd.nextInt(bars - from - 20), rnd.nextLong()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, bar {1}")
    @MethodSource("strategiesAndCuts")
    void alteringTheBarsAfterKChangesNoOrderDecidedUpToK(String file, int k, long seed) throws IOException {
        Path script = ROOT.resolve("strategies").resolve(file);
        CompiledScript compiled = new StrategyCompiler().compile(script);
        List<DataInput> original = data(script);
        // bar k of the first symbol: every bar of any symbol opening at or after its close is altered
        long cut = original.get(0).bars().closeTime(k);
        List<DataInput> altered = new ArrayList<>();
        Random rnd = new Random(seed);
        for (DataInput d : original) altered.add(new DataInput(alterFrom(d.bars(), cut, rnd), d.file(), "altered"));

        List<String> before = ordersDecidedBy(compiled, original, cut);
        List<String> after = ordersDecidedBy(compiled, altered, cut);
        assertThat(after).as("orders of %s decided up to bar %d", file, k).isEqualTo(before);
        if (file.equals("sector_rotation.groovy") || file.equals("sma_crossover.groovy")) {
            assertThat(before).as("%s decides some orders by bar %d", file, k).isNotEmpty();
        }
    }

    /** The data each shipped strategy is meant for. */
    private static List<DataInput> data(Path script) throws IOException {
        String name = script.getFileName().toString();
        String text = Files.readString(script);
        List<Path> files;
        if (text.contains("portfolio(")) {
            try (Stream<Path> s = Files.list(ROOT.resolve("data/sectors"))) {
                files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
        } else if (name.startsWith("btc")) {
            files = List.of(ROOT.resolve("data/btcusd_coinbase_4h_2016-2025.json"));
        } else {
            files = List.of(ROOT.resolve("data/aapl_daily_2013.csv"));
        }
        List<DataInput> data = new ArrayList<>();
        for (Path f : files) {
            String symbol = f.getFileName().toString().split("[_.]")[0].toUpperCase();
            var loaded = MarketData.load(f, LoadOptions.defaults().withSymbol(symbol));
            data.add(new DataInput(loaded.series(), f.toString(), loaded.sha256()));
        }
        return data;
    }

    /** The bars opening before {@code cut} as they are; every later one scaled by a random factor, its volume tripled. */
    private static BarSeries alterFrom(BarSeries bars, long cut, Random rnd) {
        BarSeries out = BarSeries.emptyLike(bars);
        for (int i = 0; i < bars.size(); i++) {
            if (bars.openTime(i) < cut) {
                out.appendFrom(bars, i);
                continue;
            }
            double f = 0.6 + 0.8 * rnd.nextDouble();
            double o = bars.open(i) * f, c = bars.close(i) * f;
            int scale = bars.priceScale();
            out.append(bars.openTime(i), round(o, scale), round(Math.max(o, c) * 1.01, scale), round(Math.min(o, c) * 0.99, scale),
                    round(c, scale), bars.volume(i) * 3);
        }
        return out;
    }

    /** Prices keep the series' decimals, so its exact sums still apply. */
    private static double round(double price, int scale) {
        if (scale < 0) return price;
        return java.math.BigDecimal.valueOf(price).setScale(scale, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** The orders submitted (and refused by the risk layer) before the equity point of the bar time closing at {@code cut}. */
    private static List<String> ordersDecidedBy(CompiledScript script, List<DataInput> data, long cut) {
        List<String> decided = new ArrayList<>();
        long period = data.stream().mapToLong(d -> d.bars().periodMillis()).min().orElseThrow();
        RunRecorder recorder = new RunRecorder() {
            boolean closed;

            @Override
            public void on(TradingEvent e) {
                if (closed) return;
                if (e instanceof TradingEvent.OrderSubmitted s) decided.add(s.time() + " " + s.order().request());
                if (e instanceof TradingEvent.RiskDenied d) decided.add(d.time() + " denied " + d.request());
            }

            @Override
            public void onEquity(long time, double equity, double cash, double exposure, double benchmark) {
                // an equity point is stamped with the open of a bar of the finest period closing then
                if (time + period >= cut) closed = true;
            }
        };
        Backtest.run(new RunSpec("shipped", script.withParams(Map.of()), data, ExecutionSettings.defaults(), 100_000,
                RiskLimits.none(), 1), recorder);
        return decided;
    }
}
