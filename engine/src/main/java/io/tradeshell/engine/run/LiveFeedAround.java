package io.tradeshell.engine.run;

import java.util.List;

/** A feed wrapped around a live one, answering for its symbols, periods, price scales and ticks as the live one does. */
abstract class LiveFeedAround implements Feed, TradingLoop.TickAware, TradingLoop.WarmUp {
    final Feed live;

    LiveFeedAround(Feed live) {
        this.live = live;
    }

    @Override
    public final boolean deliversTicks() { return live instanceof TradingLoop.TickAware t && t.deliversTicks(); }

    @Override
    public final List<String> symbols() { return live.symbols(); }

    @Override
    public final long periodMillis(int slot) { return live.periodMillis(slot); }

    @Override
    public final int priceScale(int slot) { return live.priceScale(slot); }
}
