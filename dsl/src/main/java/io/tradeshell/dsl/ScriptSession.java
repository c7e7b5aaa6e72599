package io.tradeshell.dsl;

import groovy.lang.Closure;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.rules.Rule;
import io.tradeshell.engine.strategy.AccountIndicator;
import io.tradeshell.engine.strategy.ExitPlan;
import io.tradeshell.engine.strategy.Sizing;
import io.tradeshell.engine.strategy.TradingContext;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of a script's body declares for one symbol: title, parameters, rules, sizing,
 * exits and handlers. The script body fills it; {@link CompiledStrategy} turns it into an engine
 * strategy.
 */
final class ScriptSession {
    final String scriptName;
    final TradingContext context;
    final Map<String, Object> overrides;
    final boolean validating;
    final Map<String, Object> params = new LinkedHashMap<>();
    final Map<PriceIndicator.Column, PriceIndicator> prices = new EnumMap<>(PriceIndicator.Column.class);
    String title;
    Optional<Rule> buy = Optional.empty(), sell = Optional.empty(), shortEntry = Optional.empty(), cover = Optional.empty();
    Sizing buySizing = new Sizing.Fixed(1), shortSizing = new Sizing.Fixed(1);
    ExitPlan exits = ExitPlan.NONE;
    io.tradeshell.engine.risk.RiskLimits risk = io.tradeshell.engine.risk.RiskLimits.none();
    Closure<?> onBar, onTick;
    /** The portfolio section and its options, when the script has one. */
    Closure<?> portfolio;
    PortfolioPlan portfolioPlan;
    StrategyScript script;
    /** The script's models by name, in declaration order, and the saved models a run reuses instead of fitting. */
    final Map<String, io.tradeshell.engine.learning.ModelIndicator> models = new LinkedHashMap<>();
    io.tradeshell.engine.learning.SavedModels savedModels = io.tradeshell.engine.learning.SavedModels.NONE;
    /** The time each of the script's blocks may take per bar; fresh per run. */
    final BarBudget budget;
    /**
     * The script's own indicators by name, in declaration order, as read on this symbol's bars (one
     * of a timeframe block through its aligned view): pulled at every bar's close so each value is
     * computed when its bar is the newest, and found by name from the portfolio section.
     */
    final Map<String, io.tradeshell.engine.indicators.Indicator> custom = new LinkedHashMap<>();
    /** Price-scale indicators the script made, in order, for charts. */
    final java.util.List<io.tradeshell.engine.strategy.Overlays.Overlay> overlays = new java.util.ArrayList<>();

    ScriptSession(String scriptName, TradingContext context, Map<String, Object> overrides, boolean validating, java.time.Duration barBudget) {
        this.budget = new BarBudget(barBudget);
        this.scriptName = scriptName;
        this.context = context;
        this.overrides = overrides;
        this.validating = validating;
    }

    /** While the body runs: the script lines that read an overridden param, so a word refusing it blames the override. */
    final Map<Integer, String> overridesReadOnLine = new HashMap<>();
    boolean runningBody;

    /** Notes the script line reading an overridden param while the body runs (declarations happen once, so the stack walk is cheap). */
    void readParam(String name) {
        if (!runningBody || !overrides.containsKey(name)) return;
        StackWalker.getInstance().walk(frames -> frames.filter(f -> scriptName.equals(f.getFileName()) && f.getLineNumber() > 0).findFirst())
                .ifPresent(f -> overridesReadOnLine.putIfAbsent(f.getLineNumber(), name));
    }

    final Across across = new Across(this);
    /** The higher-timeframe bars a {@code timeframe { }} block is building on, or null outside one. */
    io.tradeshell.engine.timeframe.TimeframeBars frame;
    /** The timeframe as the script wrote it ('1w'), inside a {@code timeframe { }} block. */
    String frameText;
    /** The account values the rules read, each sampled as its bar closes. */
    final Map<AccountIndicator.Field, AccountIndicator> account = new EnumMap<>(AccountIndicator.Field.class);

    AccountIndicator account(AccountIndicator.Field field) {
        return account.computeIfAbsent(field, f -> new AccountIndicator(context, f));
    }

    PriceIndicator price(PriceIndicator.Column column) {
        if (frame != null) return new PriceIndicator(frame.bars(), column);
        return prices.computeIfAbsent(column, c -> new ScriptPrice(context.bars(), c, across));
    }

    /** The bars the script's words build on: this symbol's, or the timeframe's inside a {@code timeframe { }} block. */
    io.tradeshell.engine.model.BarSeries bars() {
        return frame != null ? frame.bars() : context.bars();
    }
}
