package io.tradeshell.dsl;

import groovy.lang.Binding;
import groovy.lang.Closure;
import io.tradeshell.engine.learning.SavedModels;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.rules.Rule;
import io.tradeshell.engine.strategy.ExitPlan;
import io.tradeshell.engine.strategy.PortfolioContext;
import io.tradeshell.engine.strategy.PortfolioStrategy;
import io.tradeshell.engine.strategy.RuleStrategy;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.strategy.TradingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled strategy script: its class, title and declared parameters. It becomes a
 * {@link StrategyFactory} with {@link #withParams(Map)}, which checks the overrides before any bar
 * runs; the factory then runs the script body once per symbol per run.
 */
public final class CompiledScript {
    private final Class<? extends StrategyScript> type;
    private final String fileName;
    private final String path;
    private final boolean sandboxed;
    private final Duration barBudget;
    private final boolean fromCache;
    private String title;
    private Map<String, Object> defaults = Map.of();

    CompiledScript(Class<? extends StrategyScript> type, String fileName, String path, boolean sandboxed, Duration barBudget, boolean fromCache) {
        this.type = type;
        this.fromCache = fromCache;
        this.fileName = fileName;
        this.path = path;
        this.sandboxed = sandboxed;
        this.barBudget = barBudget;
    }

    /** Whether the script was compiled in the sandbox (false: trusted, with full access). */
    public boolean sandboxed() { return sandboxed; }

    /** Whether the classes came from the script class cache rather than Groovy's compiler. */
    public boolean fromCache() { return fromCache; }

    public String fileName() { return fileName; }
    public String path() { return path; }
    /** The script's title, or its file name without extension. */
    public String title() { return title; }
    /** Declared parameters with their defaults, in declaration order. */
    public Map<String, Object> defaults() { return defaults; }

    /**
     * The saved models while the script is compiled: not known yet (a run, a resume or
     * {@code --models} gives them), so an imported model's file is not read then but when the
     * script is given to a run, which may read a saved copy instead.
     */
    static final SavedModels NOT_YET = SavedModels.fittingMissing(SavedModels.NONE);

    /** Runs the body against an empty series so every declaration is checked at load time. */
    void validate() {
        ScriptSession s = runBody(new ValidationContext(), Map.of(), true, NOT_YET);
        this.title = s.title != null ? s.title : fileName.replaceFirst("\\.groovy$", "");
        this.defaults = Map.copyOf(s.params).isEmpty() ? Map.of() : new LinkedHashMap<>(s.params);
    }

    /** A factory with these parameter overrides (text from the command line, or typed values). */
    public StrategyFactory withParams(Map<String, ?> overrides) {
        return withParams(overrides, SavedModels.NONE);
    }

    /**
     * A factory with these overrides whose models load their trainings from {@code saved} (a run's
     * saved models) instead of fitting; a training not found there stops the run naming it.
     */
    public StrategyFactory withParams(Map<String, ?> overrides, SavedModels saved) {
        Map<String, Object> checked = new LinkedHashMap<>(overrides);
        try {
            ParamValues.checkKnown(checked, defaults, fileName);
        } catch (IllegalArgumentException e) {
            throw new ScriptException(fileName, 0, e.getMessage(), e);
        }
        // the probe reads what the runs will: an imported model's saved copy, not its original file
        ScriptSession probe = runBody(new ValidationContext(), checked, true, saved);
        return new Factory(checked, new LinkedHashMap<>(probe.params), probe.risk, probe.portfolio != null, saved);
    }

    ScriptSession runBody(TradingContext ctx, Map<String, Object> overrides, boolean validating) {
        return runBody(ctx, overrides, validating, SavedModels.NONE);
    }

    ScriptSession runBody(TradingContext ctx, Map<String, Object> overrides, boolean validating, SavedModels saved) {
        StrategyScript script;
        try {
            script = type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ScriptException(fileName, 0, "cannot instantiate the script: " + e, e);
        }
        ScriptSession session = new ScriptSession(fileName, ctx, overrides, validating, barBudget);
        session.savedModels = saved;
        script.setBinding(new Binding());
        script.attach(session);
        try {
            session.runningBody = true;
            session.budget.call(script::run);
        } catch (Throwable t) {
            refusedOverride(session, t).ifPresent(e -> { throw e; });
            if (t instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("unknown param")) {
                throw new ScriptException(fileName, 0, iae.getMessage(), iae);
            }
            if (t instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("param '")) {
                throw new ScriptException(fileName, 0, iae.getMessage(), iae);
            }
            throw ScriptErrors.runtimeError(fileName, t, knownNames(session), "");
        }
        session.runningBody = false;
        session.script = script;
        return session;
    }

    /**
     * A word that refuses a value read from an overridden param on its line ({@code --param fast=-5}
     * into {@code sma(close, fast)}) is bad input, not a mistake in the script: no script line is
     * blamed, so it exits as bad input, and the message names the override and the line.
     */
    private Optional<ScriptException> refusedOverride(ScriptSession session, Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) cause = cause.getCause();
        if (!(cause instanceof IllegalArgumentException refused) || refused instanceof NumberFormatException) return Optional.empty();
        String name = session.overridesReadOnLine.get(ScriptErrors.lineIn(refused, fileName));
        if (name == null) return Optional.empty();
        return Optional.of(new ScriptException(fileName, 0, "--param " + name + "=" + session.overrides.get(name) + " is refused: "
                + refused.getMessage() + " (line " + ScriptErrors.lineIn(refused, fileName) + ")", refused));
    }

    private static List<String> knownNames(ScriptSession s) {
        return new ArrayList<>(s.params.keySet());
    }

    @Override
    public String toString() {
        return title + " (" + path + ") params " + defaults;
    }

    private final class Factory implements StrategyFactory {
        private final Map<String, Object> overrides;
        private final Map<String, Object> effective;
        private final io.tradeshell.engine.risk.RiskLimits risk;
        private final boolean hasPortfolio;
        private final SavedModels saved;

        Factory(Map<String, Object> overrides, Map<String, Object> effective, io.tradeshell.engine.risk.RiskLimits risk, boolean hasPortfolio,
                SavedModels saved) {
            this.saved = saved;
            this.overrides = overrides;
            this.effective = effective;
            this.risk = risk;
            this.hasPortfolio = hasPortfolio;
        }

        @Override
        public io.tradeshell.engine.risk.RiskLimits riskLimits() { return risk; }

        @Override
        public String name() { return title; }

        @Override
        public boolean trusted() { return !sandboxed; }

        @Override
        public Map<String, Object> params() { return effective; }

        @Override
        public Strategy create(TradingContext ctx) {
            ScriptSession s = runBody(ctx, overrides, false, saved);
            if (!s.exits.isEmpty()) ctx.exitPlan(s.exits);
            var rules = new RuleStrategy.RuleSet(s.buy, s.buySizing, s.sell, s.shortEntry, s.shortSizing, s.cover);
            BarScope scope = new BarScope(s, s.script);
            RuleStrategy.BarHandler bars = s.onBar == null ? null : barHandler(s, scope, bind(s.onBar, scope, s));
            RuleStrategy.TickHandler ticks = s.onTick == null ? null : tickHandler(s, scope, bind(s.onTick, scope, s));
            return new ScriptedStrategy(new RuleStrategy(ctx, rules, 0, bars, ticks), List.copyOf(s.overlays), s.account.values(),
                    s.custom, List.copyOf(s.models.values()));
        }

        @Override
        public boolean hasPortfolio() { return hasPortfolio; }

        @Override
        public PortfolioStrategy createPortfolio(PortfolioContext ctx) {
            if (!hasPortfolio) return PortfolioStrategy.NONE;
            // The body runs once more for the section, so its state is this run's own.
            ScriptSession s = runBody(new ValidationContext(), overrides, true);
            PortfolioScope scope = new PortfolioScope(ctx, s.params);
            Closure<?> block = s.portfolio.rehydrate(scope, s.script, s.script);
            block.setResolveStrategy(Closure.DELEGATE_FIRST);
            return new ScriptedPortfolio(fileName, s.portfolioPlan, ctx, scope, block, knownNames(s), s.budget);
        }

        private Closure<?> bind(Closure<?> block, BarScope scope, ScriptSession s) {
            Closure<?> c = block.rehydrate(scope, s.script, s.script);
            c.setResolveStrategy(Closure.DELEGATE_FIRST);
            return c;
        }

        private RuleStrategy.BarHandler barHandler(ScriptSession s, BarScope scope, Closure<?> block) {
            return index -> {
                scope.index = index;
                try {
                    s.budget.call(block::call);
                } catch (Throwable t) {
                    throw ScriptErrors.runtimeError(fileName, t, knownNames(s),
                            "at bar " + Instant.ofEpochMilli(s.context.bars().openTime(index)) + " of " + s.context.symbol());
                }
            };
        }

        private RuleStrategy.TickHandler tickHandler(ScriptSession s, BarScope scope, Closure<?> block) {
            return (time, price, amount) -> {
                scope.index = Math.max(0, s.context.bars().lastIndex());
                try {
                    s.budget.call(() -> block.getMaximumNumberOfParameters() >= 2 ? block.call(price, amount) : block.call(price));
                } catch (Throwable t) {
                    throw ScriptErrors.runtimeError(fileName, t, knownNames(s), "at tick " + Instant.ofEpochMilli(time) + " of " + s.context.symbol());
                }
            };
        }
    }

    /** The context a script body is checked against when it loads: no bars, no orders. */
    private static final class ValidationContext implements TradingContext {
        private final BarSeries bars = new BarSeries("SYMBOL", Duration.ofDays(1), 2, 16);
        private ExitPlan plan = ExitPlan.NONE;

        public String symbol() { return "SYMBOL"; }
        public BarSeries bars() { return bars; }
        public long now() { return 0; }
        public double position() { return 0; }
        public double entryPrice() { return Double.NaN; }
        public double cash() { return 0; }
        public double equity() { return 0; }
        public double lotSize() { return 1; }
        public double maxLeverage() { return Double.NaN; }
        public List<io.tradeshell.engine.order.OrderSnapshot> openOrders() { return List.of(); }
        public io.tradeshell.engine.order.OrderSnapshot submit(io.tradeshell.engine.order.OrderRequest r) {
            throw new IllegalStateException("orders can only be placed inside onBar { } or onTick { }");
        }
        public boolean cancel(long id) { return false; }
        public boolean isWorking(long id) { return false; }
        public void cancelAll() { }
        public void flatten(String tag) { }
        public void exitPlan(ExitPlan p) { plan = p; }
        public ExitPlan exitPlan() { return plan; }
    }

    /** Rules declared by the body, for tools that want to show them. */
    static List<Rule> rulesOf(ScriptSession s) {
        List<Rule> out = new ArrayList<>();
        s.buy.ifPresent(out::add);
        s.sell.ifPresent(out::add);
        s.shortEntry.ifPresent(out::add);
        s.cover.ifPresent(out::add);
        return out;
    }
}
