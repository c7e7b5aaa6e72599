package io.tradeshell.dsl;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.execution.ExecutionAlgo;
import io.tradeshell.engine.order.ParentOrderRequest;
import io.tradeshell.engine.order.ParentOrderSnapshot;
import io.tradeshell.engine.model.Bar;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.strategy.TradingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an {@code onBar} or {@code onTick} block sees: the bar that just closed, the position,
 * the account, and order methods. Quantities default to the whole position for exits.
 */
@ScriptApi
public final class BarScope {
    private final ScriptSession session;
    private final TradingContext ctx;
    private final StrategyScript script;
    int index;

    BarScope(ScriptSession session, StrategyScript script) {
        this.session = session;
        this.ctx = session.context;
        this.script = script;
    }

    /** The bar that just closed. */
    public Bar getBar() { return ctx.bars().bar(index); }
    /** Its index in the series (0 = first bar). */
    public int getIndex() { return index; }
    /** Its open time. */
    public Instant getTime() { return Instant.ofEpochMilli(ctx.bars().openTime(index)); }
    public String getSymbol() { return ctx.symbol(); }
    /** Signed units held: positive long, negative short. */
    public double getPosition() { return ctx.position(); }
    public boolean isFlat() { return ctx.position() == 0; }
    public boolean isLong() { return ctx.position() > 0; }
    public boolean isShort() { return ctx.position() < 0; }
    public double getEntryPrice() { return ctx.entryPrice(); }
    public double getCash() { return ctx.cash(); }
    public double getEquity() { return ctx.equity(); }
    public List<OrderSnapshot> getOrders() { return ctx.openOrders(); }
    public Map<String, Object> getParams() { return session.params; }

    /** Buys at market: {@code buy()} with the buyWhen sizing, {@code buy(10)}, or {@code buy(percent: 20)}. */
    public OrderSnapshot buy() { return market(Side.BUY, session.buySizing.quantity(ctx.equity(), close(), ctx.lotSize()), "buy"); }
    public OrderSnapshot buy(Number qty) { return market(Side.BUY, explicit(qty), "buy"); }
    public OrderSnapshot buy(Map<String, Object> sizing) { return market(Side.BUY, Sizes.from(sizing, "buy", session).quantity(ctx.equity(), close(), ctx.lotSize()), "buy"); }

    /** Sells the long position (or {@code qty} of it) at market. */
    public OrderSnapshot sell() { return ctx.position() > 0 ? market(Side.SELL, ctx.position(), "sell") : null; }
    public OrderSnapshot sell(Number qty) { return market(Side.SELL, explicit(qty), "sell"); }

    /** Opens or adds to a short position at market. */
    public OrderSnapshot sellShort() { return market(Side.SELL, session.shortSizing.quantity(ctx.equity(), close(), ctx.lotSize()), "sellShort"); }
    public OrderSnapshot sellShort(Number qty) { return market(Side.SELL, explicit(qty), "sellShort"); }
    public OrderSnapshot sellShort(Map<String, Object> sizing) { return market(Side.SELL, Sizes.from(sizing, "sellShort", session).quantity(ctx.equity(), close(), ctx.lotSize()), "sellShort"); }

    /** Buys back the short position (or {@code qty} of it) at market. */
    public OrderSnapshot cover() { return ctx.position() < 0 ? market(Side.BUY, -ctx.position(), "cover") : null; }
    public OrderSnapshot cover(Number qty) { return market(Side.BUY, explicit(qty), "cover"); }

    /** Cancels this symbol's orders and closes its position at market. */
    public void flatten() { ctx.flatten("flatten"); }

    public OrderSnapshot buyLimit(Number price, Number qty) { return send(OrderRequest.limit(ctx.symbol(), Side.BUY, qty.doubleValue(), price.doubleValue(), TimeInForce.GTC, "buyLimit")); }
    public OrderSnapshot sellLimit(Number price, Number qty) { return send(OrderRequest.limit(ctx.symbol(), Side.SELL, qty.doubleValue(), price.doubleValue(), TimeInForce.GTC, "sellLimit")); }
    public OrderSnapshot buyStop(Number price, Number qty) { return send(OrderRequest.stop(ctx.symbol(), Side.BUY, qty.doubleValue(), price.doubleValue(), TimeInForce.GTC, "buyStop")); }
    public OrderSnapshot sellStop(Number price, Number qty) { return send(OrderRequest.stop(ctx.symbol(), Side.SELL, qty.doubleValue(), price.doubleValue(), TimeInForce.GTC, "sellStop")); }
    public OrderSnapshot buyStopLimit(Number stop, Number limit, Number qty) { return send(OrderRequest.stopLimit(ctx.symbol(), Side.BUY, qty.doubleValue(), stop.doubleValue(), limit.doubleValue(), TimeInForce.GTC, "buyStopLimit")); }
    public OrderSnapshot sellStopLimit(Number stop, Number limit, Number qty) { return send(OrderRequest.stopLimit(ctx.symbol(), Side.SELL, qty.doubleValue(), stop.doubleValue(), limit.doubleValue(), TimeInForce.GTC, "sellStopLimit")); }

    /**
     * Works an order through an execution algo instead of sending it at once:
     * {@code buy 1000, algo: twap('30m', slices: 10)}, {@code sell 500, algo: vwap('1h')},
     * {@code buy 2000, algo: pov(0.1, max: 300)}. Its children are plain market orders (tagged like
     * the order) that go through the risk check; {@code cancel(it)} stops it and its children.
     */
    public ParentOrderSnapshot buy(Map<String, Object> options, Number qty) { return parent(Side.BUY, options, qty, "buy"); }
    public ParentOrderSnapshot sell(Map<String, Object> options, Number qty) { return parent(Side.SELL, options, qty, "sell"); }
    public ParentOrderSnapshot sellShort(Map<String, Object> options, Number qty) { return parent(Side.SELL, options, qty, "sellShort"); }
    public ParentOrderSnapshot cover(Map<String, Object> options, Number qty) { return parent(Side.BUY, options, qty, "cover"); }

    /** Time-weighted: {@code slices} equal children (10 by default) spread over {@code duration} from now. */
    public ExecutionAlgo twap(String duration) { return ExecutionAlgo.twap(duration, 10); }
    public ExecutionAlgo twap(Map<String, Object> options, String duration) {
        AlgoOptions.only(options, "twap", "slices");
        return ExecutionAlgo.twap(duration, AlgoOptions.whole(options, "slices", 10));
    }

    /** Volume-weighted over {@code duration}: each bar's share from the volume its time of day traded over the last 20 days ({@code lookback:}). */
    public ExecutionAlgo vwap(String duration) { return ExecutionAlgo.vwap(duration, 20); }
    public ExecutionAlgo vwap(Map<String, Object> options, String duration) {
        AlgoOptions.only(options, "vwap", "lookback");
        return ExecutionAlgo.vwap(duration, AlgoOptions.whole(options, "lookback", 20));
    }

    /** Participation: children add up to {@code rate} of the volume traded since the decision, each at most {@code max:} units. */
    public ExecutionAlgo pov(Number rate) { return ExecutionAlgo.pov(rate.doubleValue(), 0); }
    public ExecutionAlgo pov(Map<String, Object> options, Number rate) {
        AlgoOptions.only(options, "pov", "max");
        return ExecutionAlgo.pov(rate.doubleValue(), AlgoOptions.number(options, "max", 0));
    }

    /** This symbol's parent orders still working. */
    public List<ParentOrderSnapshot> getAlgoOrders() { return ctx.workingParents(); }

    /** Cancels a parent order and its working children. */
    public boolean cancel(ParentOrderSnapshot parent) { return parent != null && ctx.cancelParent(parent.id()); }

    private ParentOrderSnapshot parent(Side side, Map<String, Object> options, Number qty, String tag) {
        AlgoOptions.only(options, tag, "algo");
        if (!(options.get("algo") instanceof ExecutionAlgo algo)) {
            throw new IllegalArgumentException(tag + " with options needs algo: twap('30m'), vwap('1h') or pov(0.1)");
        }
        return ctx.submitParent(new ParentOrderRequest(ctx.symbol(), side, explicit(qty), algo, tag));
    }

    public boolean cancel(OrderSnapshot order) { return order != null && ctx.cancel(order.id()); }
    public boolean cancel(long orderId) { return ctx.cancel(orderId); }
    public void cancelAll() { ctx.cancelAll(); }

    public void stopLoss(Map<String, Object> spec) { script.stopLoss(spec); }
    public void takeProfit(Map<String, Object> spec) { script.takeProfit(spec); }
    public void trailingStop(Map<String, Object> spec) { script.trailingStop(spec); }

    private double close() { return ctx.bars().close(ctx.bars().lastIndex()); }

    /** A quantity the script wrote: refused unless a positive, finite, sane number (a sizing that rounds to 0 just skips). */
    private static double explicit(Number qty) {
        double q = qty == null ? Double.NaN : qty.doubleValue();
        OrderRequest.checkQuantity(q);
        return q;
    }

    private OrderSnapshot market(Side side, double qty, String tag) {
        if (!(qty > 0)) return null;
        return send(OrderRequest.market(ctx.symbol(), side, qty, tag));
    }

    private OrderSnapshot send(OrderRequest r) {
        return ctx.submit(r);
    }

    /** Not reachable from scripts by design: a script reads the past only through indicators and {@code bar}. */
    @Override
    public String toString() { return "bar " + index + " of " + ctx.symbol(); }

    static TradingEvent.Note note(long time, String message) { return new TradingEvent.Note(time, message); }
}
