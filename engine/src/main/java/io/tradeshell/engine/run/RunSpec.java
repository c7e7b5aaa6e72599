package io.tradeshell.engine.run;

import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.strategy.ExitPlan;
import io.tradeshell.engine.strategy.StrategyFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides a run's result: the strategy with its parameters, the data, the
 * execution and cost model, the starting cash, the risk limits, the lot size, and the
 * protective exits (stop-loss, take-profit) every position gets unless the strategy sets its own.
 */
public record RunSpec(String script, StrategyFactory strategy, List<DataInput> data, ExecutionSettings execution,
                      double cash, RiskLimits risk, double lotSize, ExitPlan exits, java.util.Optional<io.tradeshell.engine.indicators.IndicatorCache> indicatorCache) {
    public RunSpec {
        Objects.requireNonNull(strategy);
        Objects.requireNonNull(exits, "exits (ExitPlan.NONE for none)");
        Objects.requireNonNull(indicatorCache);
        data = List.copyOf(data);
        if (data.isEmpty()) throw new IllegalArgumentException("a run needs data for at least one symbol");
        if (!(cash > 0)) throw new IllegalArgumentException("starting cash must be positive, was " + cash);
        for (List<DataInput> files : bySymbol(data).values()) {
            for (int i = 0; i < files.size(); i++) {
                for (int j = 0; j < i; j++) {
                    DataInput a = files.get(i), b = files.get(j);
                    if (a.bars().periodMillis() == b.bars().periodMillis()) {
                        throw new IllegalArgumentException("each symbol may appear once per bar period (" + a.symbol() + " twice: "
                                + b.file() + ", " + a.file() + "); name them with --data SYMBOL=FILE");
                    }
                }
            }
        }
    }

    /** The data by symbol, in the order of the data; a universe of hundreds of symbols is grouped in one pass. */
    private static Map<String, List<DataInput>> bySymbol(List<DataInput> data) {
        Map<String, List<DataInput>> out = new LinkedHashMap<>();
        for (DataInput d : data) out.computeIfAbsent(d.symbol(), k -> new ArrayList<>(1)).add(d);
        return out;
    }

    /**
     * The data traded: for a symbol given in files of several periods, the one of the shortest
     * period; the others are that symbol's {@link #timeframesOf higher timeframes}.
     */
    public List<DataInput> traded() {
        return traded(data);
    }

    /** {@link #traded()} of any list of data. */
    public static List<DataInput> traded(List<DataInput> data) {
        Map<String, List<DataInput>> bySymbol = bySymbol(data);
        return data.stream().filter(d -> d == finest(bySymbol.get(d.symbol()), d.symbol())).toList();
    }

    /** The files of a longer period than the traded one for {@code symbol}. */
    public List<DataInput> timeframesOf(String symbol) {
        DataInput base = finest(data, symbol);
        return data.stream().filter(d -> d.symbol().equals(symbol) && d != base).toList();
    }

    /** {@link #timeframesOf} of every symbol at once, empty lists left out. */
    public Map<String, List<DataInput>> timeframes() {
        Map<String, List<DataInput>> out = new LinkedHashMap<>();
        for (var e : bySymbol(data).entrySet()) {
            if (e.getValue().size() < 2) continue;
            DataInput base = finest(e.getValue(), e.getKey());
            out.put(e.getKey(), e.getValue().stream().filter(d -> d != base).toList());
        }
        return out;
    }

    private static DataInput finest(List<DataInput> data, String symbol) {
        DataInput best = null;
        for (DataInput d : data) {
            if (d.symbol().equals(symbol) && (best == null || d.bars().periodMillis() < best.bars().periodMillis())) best = d;
        }
        return best;
    }

    /** A run with its own indicators (not part of a sweep). */
    public RunSpec(String script, StrategyFactory strategy, List<DataInput> data, ExecutionSettings execution,
                   double cash, RiskLimits risk, double lotSize, ExitPlan exits) {
        this(script, strategy, data, execution, cash, risk, lotSize, exits, java.util.Optional.empty());
    }

    /** One run of a sweep, sharing the sweep's indicators. */
    public RunSpec withIndicatorCache(io.tradeshell.engine.indicators.IndicatorCache cache) {
        return new RunSpec(script, strategy, data, execution, cash, risk, lotSize, exits, java.util.Optional.of(cache));
    }

    /** A run without default protective exits. */
    public RunSpec(String script, StrategyFactory strategy, List<DataInput> data, ExecutionSettings execution,
                   double cash, RiskLimits risk, double lotSize) {
        this(script, strategy, data, execution, cash, risk, lotSize, ExitPlan.NONE);
    }

    /** The limits in force: the script's own, each overridden by the run's where the run sets one. */
    public RiskLimits effectiveRisk() {
        return strategy.riskLimits().overriddenBy(risk);
    }

    public List<String> symbols() {
        return traded().stream().map(DataInput::symbol).toList();
    }

    public RunSpec withExecution(ExecutionSettings e) { return new RunSpec(script, strategy, data, e, cash, risk, lotSize, exits, indicatorCache); }

    public RunSpec withStrategy(StrategyFactory s) { return new RunSpec(script, s, data, execution, cash, risk, lotSize, exits, indicatorCache); }

    public RunSpec withRisk(RiskLimits r) { return new RunSpec(script, strategy, data, execution, cash, r, lotSize, exits, indicatorCache); }

    public RunSpec withExits(ExitPlan e) { return new RunSpec(script, strategy, data, execution, cash, risk, lotSize, e, indicatorCache); }
}
