package io.tradeshell.dsl;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.learning.ModelOwner;
import io.tradeshell.engine.learning.ModelIndicator;
import io.tradeshell.engine.strategy.AccountIndicator;
import io.tradeshell.engine.strategy.Overlays;
import io.tradeshell.engine.strategy.RuleStrategy;
import io.tradeshell.engine.strategy.Strategy;
import java.util.Collection;
import java.util.List;

/** A script's strategy for one symbol: its rules and blocks, plus the indicators it drew on price and the models it trains. */
final class ScriptedStrategy implements Strategy, Overlays, ModelOwner {
    private final RuleStrategy rules;
    private final List<Overlay> overlays;
    /** The script's account values, a live view: an expression may make one while bars run. */
    private final Collection<AccountIndicator> account;

    /** The script's own indicators: each value is computed as its bar closes, whoever reads it later. */
    private final List<Indicator> custom;
    private final java.util.Map<String, Indicator> customByName;
    private final List<ModelIndicator> models;

    ScriptedStrategy(RuleStrategy rules, List<Overlay> overlays, Collection<AccountIndicator> account, java.util.Map<String, Indicator> custom,
                     List<ModelIndicator> models) {
        this.rules = rules;
        this.custom = List.copyOf(custom.values());
        this.customByName = java.util.Map.copyOf(custom);
        this.overlays = overlays;
        this.account = account;
        this.models = List.copyOf(models);
    }

    @Override
    public void onBar(int index) {
        // The account has no history: what the rules will read of it is taken now, at the close.
        for (AccountIndicator a : account) a.sample(index);
        for (Indicator c : custom) c.value(index);
        rules.onBar(index);
    }

    @Override public void onTick(long time, double price, double amount) { rules.onTick(time, price, amount); }
    @Override public int warmupBars() { return rules.warmupBars(); }
    @Override public boolean ordersOnlyFromRules() { return rules.ordersOnlyFromRules(); }
    /** Without rules or blocks nothing can make an account value after the start, so an empty account stays empty. */
    @Override public boolean actsOnBars() { return rules.actsOnBars() || !account.isEmpty() || !custom.isEmpty(); }
    /**
     * Rules that read the account (equity, position...) depend on how the run went, and a script's
     * own indicators are computed as their bars close: neither is tested ahead as columns.
     */
    @Override public java.util.Optional<RuleStrategy.Declared> declaredRules() {
        return account.isEmpty() && custom.isEmpty() ? rules.declaredRules() : java.util.Optional.empty();
    }
    @Override public List<Overlay> overlays() { return overlays; }

    /** The script's own indicator {@code name} on this symbol's bars, for the portfolio section; null if the script has none by that name. */
    Indicator custom(String name) { return customByName.get(name); }
    @Override public List<ModelIndicator> models() { return models; }
}
