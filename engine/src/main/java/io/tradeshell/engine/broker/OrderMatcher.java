package io.tradeshell.engine.broker;

import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.order.OrderRequest;

/**
 * Decides whether and at what price a working order fills against one bar (a tick is a bar
 * whose four prices are equal). Only the bar's own prices are used, so a fill never knows more
 * than the market showed.
 *
 * <ul>
 *   <li>market: at the open, plus slippage against the order;</li>
 *   <li>limit: at the limit when the bar reaches it, or at the open when the bar gaps through
 *       it (a better price); no slippage, a limit is a limit;</li>
 *   <li>stop: becomes a market order at the stop, or at the open on a gap through it, plus slippage;
 *       what a volume cap leaves of it fills at the following opens;</li>
 *   <li>stop-limit: the stop turns it into a limit order; on the bar that triggers it, it fills
 *       only if the stop price itself is within the limit.</li>
 * </ul>
 *
 * <p>A bar says nothing about the order of its prices except that the open comes first. So
 * the orders of one bar are matched in {@link #phase phases}: everything that executes at the
 * open, then the rest, stops before limits (when a bar reaches both a stop-loss and a
 * take-profit, the loss is assumed to come first).
 */
final class OrderMatcher {
    /** The last of the phases returned by {@link #phase}. */
    static final int LAST_PHASE = 4;
    /** The last phase whose fills the open alone decides (at the open's price). */
    static final int LAST_OPEN_PHASE = 2;

    private OrderMatcher() { }

    /**
     * When, within a bar opening at {@code open}, the order would execute: 0 for orders that
     * are already market orders, 1 for limits the open crosses, 2 for stops the open
     * triggers, 3 for stops reached within the bar, 4 for limits reached within the bar.
     * Says nothing about whether the bar fills the order at all.
     */
    static int phase(Order order, double open) {
        OrderRequest r = order.request();
        boolean buy = r.side() == Side.BUY;
        return switch (r.type()) {
            case MARKET -> 0;
            case LIMIT -> crossesLimit(buy, r.limitPrice(), open) ? 1 : 4;
            case STOP -> order.triggered() ? 0 : crossesStop(buy, r.stopPrice(), open) ? 2 : 3;
            case STOP_LIMIT -> {
                boolean limitAtOpen = crossesLimit(buy, r.limitPrice(), open);
                if (order.triggered()) yield limitAtOpen ? 1 : 4;
                if (crossesStop(buy, r.stopPrice(), open)) yield limitAtOpen ? 2 : 4;
                yield 3;
            }
        };
    }

    private static boolean crossesLimit(boolean buy, double limit, double open) {
        return buy ? open <= limit : open >= limit;
    }

    private static boolean crossesStop(boolean buy, double stop, double open) {
        return buy ? open >= stop : open <= stop;
    }

    /** The fill price on this bar, or NaN if the order does not fill. May trigger a stop-limit order. */
    static double fillPrice(Order order, double open, double high, double low, Slippage slippage) {
        OrderRequest r = order.request();
        boolean buy = r.side() == Side.BUY;
        return switch (r.type()) {
            case MARKET -> slippage.apply(r.side(), open);
            case LIMIT -> limitPrice(buy, r.limitPrice(), open, high, low);
            case STOP -> {
                // once triggered, a stop is a market order until it is done
                if (order.triggered()) yield slippage.apply(r.side(), open);
                double s = r.stopPrice();
                if (buy ? open >= s : open <= s) {
                    order.trigger();
                    yield slippage.apply(r.side(), open);
                }
                if (buy ? high >= s : low <= s) {
                    order.trigger();
                    yield slippage.apply(r.side(), s);
                }
                yield Double.NaN;
            }
            case STOP_LIMIT -> {
                if (order.triggered()) yield limitPrice(buy, r.limitPrice(), open, high, low);
                double s = r.stopPrice(), lim = r.limitPrice();
                if (buy ? open >= s : open <= s) {
                    order.trigger();
                    yield limitPrice(buy, lim, open, high, low);
                }
                if (buy ? high >= s : low <= s) {
                    order.trigger();
                    yield (buy ? s <= lim : s >= lim) ? s : Double.NaN;
                }
                yield Double.NaN;
            }
        };
    }

    private static double limitPrice(boolean buy, double limit, double open, double high, double low) {
        if (buy ? open <= limit : open >= limit) return open;
        if (buy ? low <= limit : high >= limit) return limit;
        return Double.NaN;
    }
}
