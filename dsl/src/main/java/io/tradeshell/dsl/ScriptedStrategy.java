package io.tradeshell.dsl;

import io.tradeshell.engine.strategy.Overlays;
import io.tradeshell.engine.strategy.RuleStrategy;
import io.tradeshell.engine.strategy.Strategy;
import java.util.List;

/** A script's strategy for one symbol: its rules and blocks, plus the indicators it drew on price. */
final class ScriptedStrategy implements Strategy, Overlays {
    private final RuleStrategy rules;
    private final List<Overlay> overlays;

    ScriptedStrategy(RuleStrategy rules, List<Overlay> overlays) {
        this.rules = rules;
        this.overlays = overlays;
    }

    @Override public void onBar(int index) { rules.onBar(index); }
    @Override public void onTick(long time, double price, double amount) { rules.onTick(time, price, amount); }
    @Override public int warmupBars() { return rules.warmupBars(); }
    @Override public List<Overlay> overlays() { return overlays; }
}
