package io.tradeshell.engine.run;

import io.tradeshell.engine.broker.Fill;
import io.tradeshell.engine.broker.OrderRequest;
import io.tradeshell.engine.broker.OrderSnapshot;
import io.tradeshell.engine.broker.OrderStatus;
import io.tradeshell.engine.broker.SimulatedBroker;
import io.tradeshell.engine.broker.TimeInForce;
import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.events.TradingEvent.RiskDenied;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.portfolio.Portfolio;
import io.tradeshell.engine.risk.AccountView;
import io.tradeshell.engine.risk.RiskManager;
import io.tradeshell.engine.strategy.ExitPlan;
import io.tradeshell.engine.strategy.TradingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link TradingContext} of one symbol: routes orders through the risk layer to the
 * broker, and keeps the symbol's protective exits (stop-loss, take-profit, trailing stop)
 * in step with its position.
 */
final class SymbolTrader implements TradingContext {
    private final int slot;
    private final String symbol;
    private final BarSeries bars;
    private final Portfolio portfolio;
    private final SimulatedBroker broker;
    private final RiskManager risk;
    private final AccountView account;
    private final EventListener events;
    private final double lotSize;
    private ExitPlan plan;
    /** The run's protective exits (risk settings); a strategy's own plan overrides them part by part. */
    private final ExitPlan defaults;
    private final List<Long> protective = new ArrayList<>(3);
    private long trailingId = -1;
    private double trailingLevel = Double.NaN;
    private long nextGroup;

    SymbolTrader(int slot, BarSeries bars, Portfolio portfolio, SimulatedBroker broker, RiskManager risk,
                 AccountView account, EventListener events, double lotSize, ExitPlan defaultPlan) {
        this.slot = slot;
        this.symbol = bars.symbol();
        this.bars = bars;
        this.portfolio = portfolio;
        this.broker = broker;
        this.risk = risk;
        this.account = account;
        this.events = events;
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
        double pos = position();
        boolean closesAll = pos != 0 && request.side().sign() != Math.signum(pos) && request.qty() >= Math.abs(pos) - 1e-9;
        Optional<String> denial = risk.check(request, account);
        if (denial.isPresent()) {
            events.on(new RiskDenied(account.now(), request, denial.get()));
            return new OrderSnapshot(-1, request, account.now(), OrderStatus.REJECTED, 0, Double.NaN);
        }
        // An exit decided by the strategy supersedes the protective orders of the position.
        if (closesAll && !isProtective(request.tag())) cancelProtective("position exit decided by the strategy");
        return broker.submit(request);
    }

    private static boolean isProtective(String tag) {
        return "stopLoss".equals(tag) || "takeProfit".equals(tag) || "trailingStop".equals(tag);
    }

    @Override
    public boolean cancel(long orderId) {
        return broker.cancel(orderId, "cancelled by the strategy");
    }

    @Override
    public boolean isWorking(long orderId) {
        for (OrderSnapshot o : broker.openOrders()) if (o.id() == orderId) return true;
        return false;
    }

    @Override
    public void cancelAll() {
        cancelAll("cancelled by the strategy");
    }

    private void cancelAll(String reason) {
        for (OrderSnapshot o : openOrders()) broker.cancel(o.id(), reason);
        protective.clear();
        trailingId = -1;
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

    /** After a fill of this symbol: re-place protective orders for the new position. */
    void onFill(Fill fill) {
        if (isProtective(fill.tag()) && position() == 0) {
            protective.clear();
            trailingId = -1;
            return;
        }
        cancelProtective("position changed");
        double pos = position();
        if (pos == 0 || plan.isEmpty() || bars.isEmpty()) return;
        int ref = bars.lastIndex();
        double entry = portfolio.avgPrice(slot);
        double qty = Math.abs(pos);
        Side exit = pos > 0 ? Side.SELL : Side.BUY;
        int dir = pos > 0 ? 1 : -1;
        long group = ++nextGroup;
        plan.stopLoss().ifPresent(o -> place(OrderRequest.stop(symbol, exit, qty, entry - dir * o.distance(entry, ref), TimeInForce.GTC, "stopLoss").withOcoGroup(group)));
        plan.takeProfit().ifPresent(o -> place(OrderRequest.limit(symbol, exit, qty, entry + dir * o.distance(entry, ref), TimeInForce.GTC, "takeProfit").withOcoGroup(group)));
        plan.trailingStop().ifPresent(o -> {
            trailingLevel = entry - dir * o.distance(entry, ref);
            trailingId = place(OrderRequest.stop(symbol, exit, qty, trailingLevel, TimeInForce.GTC, "trailingStop").withOcoGroup(group));
        });
    }

    private long place(OrderRequest r) {
        if (!(r.type() == io.tradeshell.engine.broker.OrderType.LIMIT ? r.limitPrice() > 0 : r.stopPrice() > 0)) return -1;
        OrderSnapshot o = broker.submit(r);
        if (o.status().isWorking()) protective.add(o.id());
        return o.status().isWorking() ? o.id() : -1;
    }

    private void cancelProtective(String reason) {
        for (long id : protective) broker.cancel(id, reason);
        protective.clear();
        trailingId = -1;
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
        if (better && level > 0 && broker.replace(trailingId, Math.abs(pos), Double.NaN, level)) trailingLevel = level;
    }
}
