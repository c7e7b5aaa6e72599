package io.tradeshell.engine.strategy;

/**
 * A strategy for one symbol, as the event loop drives it. It never learns which mode runs it:
 * backtest, simulated live and paper all call the same methods in the same order.
 */
public interface Strategy {
    /** Bar {@code index} of the symbol has just closed; it and every earlier bar are readable. */
    void onBar(int index);

    /** A trade print, in modes whose feed has ticks. The default ignores it. */
    default void onTick(long time, double price, double amount) { }

    /** Leading bars during which the strategy takes no entries, while its indicators warm up. */
    int warmupBars();

    /**
     * Whether every order this strategy places comes from its declared rules (market entries and
     * exits, sized as declared), with no imperative handler: a sweep runs such strategies in one
     * pass over the bars for all combinations. The default says no.
     */
    default boolean ordersOnlyFromRules() {
        return false;
    }

    /**
     * Whether {@link #onBar} can do anything at all. A script whose logic is all in its portfolio
     * section has nothing to do per symbol, and the loop then does not call it bar after bar for
     * every symbol of a large universe. Asked once, when the run starts. The default says yes.
     */
    default boolean actsOnBars() {
        return true;
    }

    /**
     * The rules every order of this strategy comes from, when {@link #ordersOnlyFromRules} and
     * they read nothing but the bars (not the account): a sweep may then test them ahead as
     * columns and run {@link #onBar} only at the bars where the rule that matters holds, which
     * does what running it at every bar does. Empty by default.
     */
    default java.util.Optional<RuleStrategy.Declared> declaredRules() {
        return java.util.Optional.empty();
    }
}
