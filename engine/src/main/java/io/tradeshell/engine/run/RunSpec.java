package io.tradeshell.engine.run;

import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.strategy.ExitPlan;
import io.tradeshell.engine.strategy.StrategyFactory;
import java.util.List;
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
        long distinct = data.stream().map(DataInput::symbol).distinct().count();
        if (distinct != data.size()) throw new IllegalArgumentException("each symbol may appear once; name them with --data SYMBOL=FILE");
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
        return data.stream().map(DataInput::symbol).toList();
    }

    public RunSpec withExecution(ExecutionSettings e) { return new RunSpec(script, strategy, data, e, cash, risk, lotSize, exits, indicatorCache); }

    public RunSpec withStrategy(StrategyFactory s) { return new RunSpec(script, s, data, execution, cash, risk, lotSize, exits, indicatorCache); }

    public RunSpec withRisk(RiskLimits r) { return new RunSpec(script, strategy, data, execution, cash, r, lotSize, exits, indicatorCache); }

    public RunSpec withExits(ExitPlan e) { return new RunSpec(script, strategy, data, execution, cash, risk, lotSize, e, indicatorCache); }
}
