package io.tradeshell.engine.strategy;

/**
 * A strategy over the whole universe, beside the per-symbol ones: the event loop calls it once
 * per bar time, after every symbol with a bar closing at that time has closed and its own
 * strategy has run. It reads the closed bars of any symbol and sets targets the allocator turns
 * into orders.
 */
@FunctionalInterface
public interface PortfolioStrategy {
    /** For strategies without a portfolio section. */
    PortfolioStrategy NONE = (open, close, nextOpen) -> { };

    /**
     * The bars that opened at {@code open} have closed at {@code close}.
     *
     * @param nextOpen when the next bar time's bars open (by the data's calendar), Long.MAX_VALUE if none
     */
    void onBarTime(long open, long close, long nextOpen);
}
