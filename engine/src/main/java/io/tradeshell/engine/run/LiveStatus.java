package io.tradeshell.engine.run;

import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.portfolio.OpenPosition;
import io.tradeshell.engine.risk.TradingState;
import java.util.List;

/**
 * A running account at one moment, for status lines and status files: where the feed is,
 * the last prices, the positions, the open orders and the money.
 *
 * @param feedTime     the run clock's time, epoch millis (Long.MIN_VALUE before the first event)
 * @param feedPosition feed events delivered so far
 * @param bars         bar events processed so far
 * @param fills        fills so far
 */
public record LiveStatus(long feedTime, long feedPosition, long bars, double cash, double equity, double initialCash,
                         double realizedPnl, List<Quote> quotes, List<OpenPosition> positions,
                         List<OrderSnapshot> openOrders, int fills, TradingState tradingState) {

    /** One symbol's last price and signed position. */
    public record Quote(String symbol, double lastPrice, double position) { }

    /** Told the account's state every so often while a live run or a paper session goes. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = s -> { };

        void onStatus(LiveStatus status);
    }

    /** Profit or loss since the start: equity less the starting cash. */
    public double pnl() {
        return equity - initialCash;
    }

    public double unrealizedPnl() {
        double u = 0;
        for (OpenPosition p : positions) if (Double.isFinite(p.unrealizedPnl())) u += p.unrealizedPnl();
        return u;
    }
}
