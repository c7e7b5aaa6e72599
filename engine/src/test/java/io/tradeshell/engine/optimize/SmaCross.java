package io.tradeshell.engine.optimize;

import io.tradeshell.engine.data.SyntheticBars;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.SmaIndicator;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.rules.Rules;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.strategy.RuleStrategy;
import io.tradeshell.engine.strategy.Sizing;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.strategy.TradingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain Java SMA crossover (params fast, slow, qty) for sweep tests, counting the strategies it makes. */
class SmaCross implements StrategyBinder {
    static final Map<String, Object> DEFAULTS = declared();
    final AtomicInteger created = new AtomicInteger();

    private static Map<String, Object> declared() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fast", 10);
        m.put("slow", 30);
        m.put("qty", 10);
        return m;
    }

    public String name() { return "SmaCross"; }

    public Map<String, Object> defaults() { return DEFAULTS; }

    public StrategyFactory bind(Map<String, Object> overrides) {
        Map<String, Object> p = new LinkedHashMap<>(DEFAULTS);
        for (var e : overrides.entrySet()) {
            if (!DEFAULTS.containsKey(e.getKey())) throw new IllegalArgumentException("unknown param '" + e.getKey() + "'");
            if (!(e.getValue() instanceof Integer v) || v < 1) throw new IllegalArgumentException("param '" + e.getKey() + "' expects a whole number >= 1, got " + e.getValue());
            p.put(e.getKey(), v);
        }
        return factory((Integer) p.get("fast"), (Integer) p.get("slow"), (Integer) p.get("qty"), p);
    }

    StrategyFactory factory(int fast, int slow, int qty, Map<String, Object> params) {
        return new StrategyFactory() {
            public String name() { return "SMA cross"; }
            public Map<String, Object> params() { return params; }
            public Strategy create(TradingContext ctx) {
                created.incrementAndGet();
                var close = new PriceIndicator(ctx.bars(), PriceIndicator.Column.CLOSE);
                var f = new SmaIndicator(close, fast);
                var s = new SmaIndicator(close, slow);
                var rules = new RuleStrategy.RuleSet(Optional.of(Rules.crossedOver(f, s)), new Sizing.Fixed(qty),
                        Optional.of(Rules.crossedUnder(f, s)), Optional.empty(), new Sizing.Fixed(1), Optional.empty());
                return new RuleStrategy(ctx, rules, 0, null, null);
            }
        };
    }

    /** Daily synthetic bars from 2020-01-01, every day a bar. */
    static BarSeries dailyBars(long seed, int bars) {
        return SyntheticBars.generate(seed, bars, Duration.ofDays(1), Instant.parse("2020-01-01T00:00:00Z"), 100, 0.08, 0.25);
    }

    static RunSpec spec(BarSeries bars, StrategyFactory strategy) {
        return new RunSpec("sma.java", strategy, List.of(new DataInput(bars, "synthetic", "abc")),
                new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001), new Slippage(5), 0, 0, 0, 1),
                100_000, RiskLimits.none(), 1);
    }
}
