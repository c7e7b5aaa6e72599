package io.tradeshell.engine.run;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.broker.Broker;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.order.ParentOrderRequest;
import io.tradeshell.engine.order.ParentOrderSnapshot;
import io.tradeshell.engine.execution.algo.AlgoDesk;
import io.tradeshell.engine.execution.algo.ChildRoute;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.portfolio.Portfolio;
import io.tradeshell.engine.risk.AccountView;
import io.tradeshell.engine.risk.RiskManager;
import io.tradeshell.engine.strategy.ExitPlan;
import io.tradeshell.engine.strategy.TradingContext;
import java.util.List;
import java.util.Optional;

/**
 * The {@link TradingContext} of one symbol: routes orders through the risk layer to the
 * broker, and keeps the symbol's protective exits (stop-loss, take-profit, trailing stop)
 * in step with its position.
 *
 * <p>The protective orders are placed when a position opens (or flips) and then follow it:
 * when a fill changes its size but not its side they are resized where they stand, so they
 * keep working through the rest of the bar; a position that grows moves the stop-loss and
 * take-profit to its new average price, while the trailing stop keeps its level, because a
 * trailing stop only ever moves in the position's favour.
 */
final class SymbolTrader implements TradingContext, ChildRoute {
    private final int slot;
    private final String symbol;
    private final BarSeries bars;
    private final Portfolio portfolio;
    /** The broker itself, for the protective orders that follow the position. */
    private final Broker broker;
    /** The broker behind the risk check, for the strategy's own orders. */
    private final Broker checked;
    private final RiskManager risk;
    private final AccountView account;
    private final double lotSize;
    private ExitPlan plan;
    /** The run's protective exits (risk settings); a strategy's own plan overrides them part by part. */
    private final ExitPlan defaults;
    /** The side that closes the protected position, or null when no protective order stands. */
    private Side protectedBy;
    private long stopLossId = -1, takeProfitId = -1, trailingId = -1;
    private double stopLossLevel = Double.NaN, takeProfitLevel = Double.NaN, trailingLevel = Double.NaN;
    private long nextGroup;
    private boolean[] trailingFlags = new boolean[0];

    SymbolTrader(int slot, BarSeries bars, Portfolio portfolio, Broker broker, Broker checked, RiskManager risk,
                 AccountView account, double lotSize, ExitPlan defaultPlan) {
        this.slot = slot;
        this.symbol = bars.symbol();
        this.bars = bars;
        this.portfolio = portfolio;
        this.broker = broker;
        this.checked = checked;
        this.risk = risk;
        this.account = account;
        this.lotSize = lotSize;
        this.plan = defaultPlan;
        this.defaults = defaultPlan;
        this.nextGroup = (slot + 1L) << 40;
    }

    @Override public String symbol() { return symbol; }
    @Override public BarSeries bars() { return bars; }
    @Override public long now() { return account.now(); }
    @Override public double position() { return portfolio.position(slot); }
    @Override public double entryPrice() { return position() == 0 ? Double.NaN : portfolio.avgPrice(slot); }
    @Override public double cash() { return portfolio.cash(); }
    @Override public double equity() { return portfolio.equity(); }
    @Override public double lotSize() { return lotSize; }
    @Override public ExitPlan exitPlan() { return plan; }
    @Override public double maxLeverage() {
        double l = risk.limits().maxLeverage();
        return l > 0 ? l : 1;
    }

    private java.util.Optional<io.tradeshell.engine.strategy.SharedIndicators> shared = java.util.Optional.empty();
    private List<String> universe = List.of();
    private BarSeries[] universeBars = new BarSeries[0];

    private List<BarSeries> timeframeFiles = List.of();

    /** This symbol's bars of longer periods, loaded from files of their own. */
    void timeframesFrom(List<BarSeries> files) {
        this.timeframeFiles = List.copyOf(files);
    }

    @Override
    public Optional<io.tradeshell.engine.timeframe.TimeframeBars> loadedTimeframe(long periodMillis) {
        for (BarSeries f : timeframeFiles) {
            if (f.periodMillis() == periodMillis) return Optional.of(new io.tradeshell.engine.timeframe.LoadedTimeframe(f));
        }
        return Optional.empty();
    }

    /** Lets the strategy read the other symbols' bars as the loop appends them. */
    void seeUniverse(List<String> symbols, BarSeries[] visible) {
        this.universe = List.copyOf(symbols);
        this.universeBars = visible;
    }

    @Override
    public List<String> universe() {
        return universe.isEmpty() ? List.of(symbol) : universe;
    }

    @Override
    public Optional<BarSeries> barsOf(String other) {
        int k = universe.indexOf(other);
        if (k >= 0) return Optional.of(universeBars[k]);
        return other.equals(symbol) ? Optional.of(bars) : Optional.empty();
    }

    /** Lets this run read indicators computed once for its sweep over {@code source}. */
    void shareIndicators(io.tradeshell.engine.indicators.IndicatorCache cache, BarSeries source) {
        this.shared = java.util.Optional.of(new io.tradeshell.engine.strategy.SharedIndicators(cache, source, bars));
    }

    @Override
    public java.util.Optional<io.tradeshell.engine.strategy.SharedIndicators> sharedIndicators() { return shared; }

    @Override
    public void exitPlan(ExitPlan newPlan) {
        // The run's stop-loss and take-profit are a floor: a strategy's plan replaces the parts it sets.
        this.plan = new ExitPlan(newPlan.stopLoss().or(defaults::stopLoss), newPlan.takeProfit().or(defaults::takeProfit),
                newPlan.trailingStop().or(defaults::trailingStop));
    }

    @Override
    public List<OrderSnapshot> openOrders() {
        return broker.openOrders().stream().filter(o -> o.request().symbol().equals(symbol)).toList();
    }

    @Override
    public OrderSnapshot submit(OrderRequest request) {
        if (request.type() == io.tradeshell.engine.order.OrderType.MARKET && !bars.isEmpty()) {
            OrderRequest.checkNotional(request.qty(), bars.close(bars.lastIndex()));
        }
        double pos = position();
        boolean closesAll = pos != 0 && request.side().sign() != Math.signum(pos) && request.qty() >= Math.abs(pos) - 1e-9;
        OrderSnapshot o = checked.submit(request);
        // An exit decided by the strategy supersedes the protective orders of the position, once
        // the broker has taken it: a refused exit leaves them standing, and one filled at once
        // has already been dealt with by onFill.
        if (closesAll && !isProtective(request.tag()) && o.status().isWorking()) cancelProtective("position exit decided by the strategy");
        return o;
    }

    private static boolean isProtective(String tag) {
        return "stopLoss".equals(tag) || "takeProfit".equals(tag) || "trailingStop".equals(tag);
    }

    @Override
    public boolean cancel(long orderId) {
        return broker.cancel(orderId, "cancelled by the strategy");
    }

    /** A child of a parent order cancelled with the parent's reason. */
    @Override
    public boolean cancel(long orderId, String reason) {
        return broker.cancel(orderId, reason);
    }

    private AlgoDesk desk;

    /** The run's desk of parent orders, which this symbol's algo orders go to. */
    void algoDesk(AlgoDesk desk) {
        this.desk = desk;
    }

    @Override
    public ParentOrderSnapshot submitParent(ParentOrderRequest request) {
        if (!request.symbol().equals(symbol)) throw new IllegalArgumentException("a parent order of " + request.symbol() + " sent to " + symbol);
        return desk.start(request, bars, this);
    }

    @Override
    public boolean cancelParent(long parentId) {
        return desk.parent(parentId).filter(p -> p.request().symbol().equals(symbol)).isPresent()
                && desk.cancel(parentId, "cancelled by the strategy");
    }

    @Override
    public List<ParentOrderSnapshot> workingParents() {
        return desk.workingParents().stream().filter(p -> p.request().symbol().equals(symbol)).toList();
    }

    @Override
    public boolean isWorking(long orderId) {
        return broker.workingOrder(orderId).isPresent();
    }

    @Override
    public void cancelAll() {
        cancelAll("cancelled by the strategy");
    }

    private void cancelAll(String reason) {
        if (desk != null) desk.cancelAll(symbol, reason);
        for (OrderSnapshot o : openOrders()) broker.cancel(o.id(), reason);
        forgetProtective();
    }

    @Override
    public void flatten(String tag) {
        flatten(tag, "cancelled by the strategy");
    }

    /** Cancels the symbol's orders with {@code reason} and closes its position at market. */
    void flatten(String tag, String reason) {
        cancelAll(reason);
        double pos = position();
        if (pos != 0) submit(OrderRequest.market(symbol, pos > 0 ? Side.SELL : Side.BUY, Math.abs(pos), tag));
    }

    /** After a fill of this symbol: keep the protective orders the size and side of the position. */
    void onFill(Fill fill) {
        double pos = position();
        if (pos == 0) {
            cancelProtective("position closed");
            return;
        }
        Side exit = pos > 0 ? Side.SELL : Side.BUY;
        if (exit == protectedBy) {
            followPosition(Math.abs(pos), fill.side() != exit);
            if (stopLossId >= 0 || takeProfitId >= 0 || trailingId >= 0) return;
        }
        cancelProtective("position changed");
        placeProtective(pos);
    }

    private void placeProtective(double pos) {
        if (plan.isEmpty() || bars.isEmpty()) return;
        int ref = bars.lastIndex();
        double entry = portfolio.avgPrice(slot);
        double qty = Math.abs(pos);
        Side exit = pos > 0 ? Side.SELL : Side.BUY;
        int dir = pos > 0 ? 1 : -1;
        long group = ++nextGroup;
        protectedBy = exit;
        plan.stopLoss().ifPresent(o -> {
            stopLossLevel = entry - dir * o.distance(entry, ref);
            stopLossId = place(OrderRequest.stop(symbol, exit, qty, stopLossLevel, TimeInForce.GTC, "stopLoss").withOcoGroup(group));
        });
        plan.takeProfit().ifPresent(o -> {
            takeProfitLevel = entry + dir * o.distance(entry, ref);
            takeProfitId = place(OrderRequest.limit(symbol, exit, qty, takeProfitLevel, TimeInForce.GTC, "takeProfit").withOcoGroup(group));
        });
        plan.trailingStop().ifPresent(o -> {
            trailingLevel = entry - dir * o.distance(entry, ref);
            trailing(place(OrderRequest.stop(symbol, exit, qty, trailingLevel, TimeInForce.GTC, "trailingStop").withOcoGroup(group)));
        });
    }

    private long place(OrderRequest r) {
        if (!(r.type() == io.tradeshell.engine.order.OrderType.LIMIT ? r.limitPrice() > 0 : r.stopPrice() > 0)) return -1;
        OrderSnapshot o = broker.submit(r);
        return o.status().isWorking() ? o.id() : -1;
    }

    /** Resizes the protective orders to {@code qty} still to close; a grown position re-prices the stop-loss and take-profit. */
    private void followPosition(double qty, boolean grew) {
        if (grew && !bars.isEmpty()) {
            int ref = bars.lastIndex();
            double entry = portfolio.avgPrice(slot);
            int dir = protectedBy == Side.SELL ? 1 : -1;
            plan.stopLoss().ifPresent(o -> stopLossLevel = positive(entry - dir * o.distance(entry, ref), stopLossLevel));
            plan.takeProfit().ifPresent(o -> takeProfitLevel = positive(entry + dir * o.distance(entry, ref), takeProfitLevel));
        }
        stopLossId = resize(stopLossId, qty, Double.NaN, stopLossLevel);
        takeProfitId = resize(takeProfitId, qty, takeProfitLevel, Double.NaN);
        trailing(resize(trailingId, qty, Double.NaN, trailingLevel));
    }

    private static double positive(double level, double fallback) {
        return level > 0 ? level : fallback;
    }

    /** Gives a protective order {@code qty} left to fill at the given prices; -1 if it no longer works. */
    private long resize(long id, double qty, double limit, double stop) {
        if (id < 0) return -1;
        Optional<OrderSnapshot> o = broker.workingOrder(id);
        if (o.isEmpty()) return -1;
        broker.replace(id, o.get().filledQty() + qty, limit, stop);
        return id;
    }

    private void cancelProtective(String reason) {
        for (long id : new long[] {stopLossId, takeProfitId, trailingId}) if (id >= 0) broker.cancel(id, reason);
        forgetProtective();
    }

    private void forgetProtective() {
        stopLossId = takeProfitId = -1;
        trailing(-1);
        protectedBy = null;
    }

    /** Each symbol's flag, shared by the run's traders: whether its trailing stop stands (so the loop asks only those to move it). */
    void trailingFlags(boolean[] flags) {
        this.trailingFlags = flags;
    }

    private void trailing(long id) {
        trailingId = id;
        if (slot < trailingFlags.length) trailingFlags[slot] = id >= 0;
    }

    /** At a bar's close: move the trailing stop in the position's favour. */
    void afterBar(int index) {
        if (trailingId < 0) return;
        double pos = position();
        var offset = plan.trailingStop();
        if (pos == 0 || offset.isEmpty()) return;
        double close = bars.close(index);
        double level = pos > 0 ? close - offset.get().distance(close, index) : close + offset.get().distance(close, index);
        boolean better = pos > 0 ? level > trailingLevel : level < trailingLevel;
        if (!better || !(level > 0)) return;
        Optional<OrderSnapshot> o = broker.workingOrder(trailingId);
        if (o.isEmpty()) {
            trailing(-1);
            return;
        }
        if (broker.replace(trailingId, o.get().filledQty() + Math.abs(pos), Double.NaN, level)) trailingLevel = level;
    }
}
