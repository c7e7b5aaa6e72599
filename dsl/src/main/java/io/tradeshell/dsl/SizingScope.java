package io.tradeshell.dsl;

import io.tradeshell.engine.strategy.TradingContext;

/**
 * What a sizing expression such as {@code qty: { equity * 0.01 / (2 * atr(14).last()) }} sees
 * when an entry is decided: the account and the decision bar's close, as numbers. The script's
 * indicators stay reachable (the script is the expression's owner).
 */
@ScriptApi
public final class SizingScope {
    private final TradingContext ctx;

    SizingScope(TradingContext ctx) {
        this.ctx = ctx;
    }

    public double getEquity() { return ctx.equity(); }
    public double getCash() { return ctx.cash(); }
    /** Signed units held now: positive long, negative short, 0 when flat (an entry is usually decided flat). */
    public double getPosition() { return ctx.position(); }
    /** The open position's average entry price, NaN when flat. */
    public double getEntryPrice() { return ctx.entryPrice(); }
    /** The decision bar's close, the price the size is worked out at. */
    public double getPrice() { return ctx.bars().close(ctx.bars().lastIndex()); }
    public String getSymbol() { return ctx.symbol(); }

    @Override
    public String toString() { return "sizing of " + ctx.symbol(); }
}
