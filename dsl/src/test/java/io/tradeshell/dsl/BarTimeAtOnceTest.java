package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.data.SyntheticBars;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.Feed;
import io.tradeshell.engine.run.FeedSink;
import io.tradeshell.engine.run.RunRecorder;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.TradingLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A universe whose bars open and close together is replayed a bar time at once, straight into
 * the loop; through any other listener it goes bar by bar. Both must be the same run: every
 * fill, order, trade and equity point, for portfolio sections, stops and trailing stops.
 */
class BarTimeAtOnceTest {
    private static final Map<String, String> SCRIPTS = Map.of(
            "sector_rotation.groovy", "", "donchian_atr_risk.groovy", "",
            "trailing.groovy", """
                    buyWhen crossedOver(close, sma(close, 8)), qty: 7
                    sellWhen crossedUnder(close, sma(close, 30))
                    trailingStop percent: 3
                    stopLoss percent: 6
                    """);

    static IntStream seeds() {
        return IntStream.range(0, 6);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aBarTimeAtOnceIsTheSameRunAsBarByBar(int seed) throws Exception {
        Random rnd = new Random(seed);
        int symbols = 8 + rnd.nextInt(8), days = 200 + rnd.nextInt(200);
        List<DataInput> data = new ArrayList<>();
        for (int k = 0; k < symbols; k++) {
            BarSeries g = SyntheticBars.generate(seed * 100L + k, days, Duration.ofDays(1), Instant.parse("2020-01-06T00:00:00Z"), 40 + k, 0.05, 0.3);
            BarSeries named = new BarSeries("S" + k, g.period(), g.priceScale(), days);
            for (int d = 0; d < days; d++) named.appendFrom(g, d);
            data.add(new DataInput(named, "synthetic", ""));
        }
        for (var script : SCRIPTS.entrySet()) {
            CompiledScript compiled = script.getValue().isEmpty()
                    ? new StrategyCompiler().compile(SectorRotationAgainstPlainLoopTest.ROOT.resolve("strategies/" + script.getKey()))
                    : new StrategyCompiler().compile(script.getKey(), script.getKey(), script.getValue());
            Map<String, Object> params = script.getKey().startsWith("sector") ? Map.of("lookback", 20 + rnd.nextInt(40), "top", 1 + rnd.nextInt(4)) : Map.of();
            RunSpec spec = new RunSpec(script.getKey(), compiled.withParams(params), data, ExecutionSettings.defaults(), 100_000, RiskLimits.none(), 1);
            RunResult atOnce = Backtest.run(spec);
            RunResult barByBar = new TradingLoop(spec, "backtest", new BarByBar(Backtest.barFeed(spec)), RunRecorder.NONE, spec.exits()).run();
            assertThat(atOnce.fills()).as(script.getKey()).isNotEmpty().isEqualTo(barByBar.fills());
            assertThat(atOnce.orders()).as(script.getKey()).isEqualTo(barByBar.orders());
            assertThat(atOnce.trades()).as(script.getKey()).isEqualTo(barByBar.trades());
            assertThat(atOnce.curve().equity()).as(script.getKey()).isEqualTo(barByBar.curve().equity());
            assertThat(atOnce.costs()).as(script.getKey()).isEqualTo(barByBar.costs());
        }
    }

    /** The same feed heard through a listener of its own, so it delivers one bar per event. */
    private record BarByBar(Feed inner) implements Feed {
        public List<String> symbols() { return inner.symbols(); }
        public long periodMillis(int slot) { return inner.periodMillis(slot); }
        public int priceScale(int slot) { return inner.priceScale(slot); }
        public long peekBarTime() { return inner.peekBarTime(); }
        public long position() { return inner.position(); }

        public boolean next(FeedSink sink) {
            return inner.next(new FeedSink() {
                public void onBar(int s, long t, double o, double h, double l, double c, double v) { sink.onBar(s, t, o, h, l, c, v); }
                public void onOpen(int s, long t, double o, double v) { sink.onOpen(s, t, o, v); }
                public void onTick(int s, long t, double p, double a) { sink.onTick(s, t, p, a); }
            });
        }
    }
}
