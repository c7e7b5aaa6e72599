package io.tradeshell.engine.optimize;

import io.tradeshell.engine.broker.BuyingPower;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.order.OrderType;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.metrics.EquityStats;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.portfolio.Portfolio;
import io.tradeshell.engine.risk.AccountView;
import io.tradeshell.engine.risk.RiskManager;
import io.tradeshell.engine.strategy.ExitPlan;
import io.tradeshell.engine.strategy.SharedIndicators;
import io.tradeshell.engine.strategy.TradingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One combination's account in a {@link OnePassSweep}: what the event loop, the simulated broker
 * and the symbol's trader do for a strategy that trades only through its declared rules, on one
 * symbol, with market orders, and nothing else. Each step is the engine's own step, reusing its
 * classes where the arithmetic lives ({@link Portfolio}, {@link BuyingPower}, {@link RiskManager},
 * the commission and slippage models), so the account goes through the same numbers in the same
 * order as a backtest of the combination alone.
 *
 * <p>Whatever lies outside that (an order that is not at market, a second working order, a
 * cancel, stops, an account at zero) throws {@link Unsupported}: the sweep then runs the
 * combination alone through the event loop, which knows how.
 */
final class SweepAccount implements TradingContext, AccountView {
    /** The strategy asked for something only the event loop does; the combination runs alone. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private final String symbol;
    private final BarSeries bars;
    private final ExecutionSettings execution;
    private final double lotSize;
    private final Portfolio portfolio;
    private final RiskManager risk;
    private final BuyingPower buyingPower;
    private final Optional<SharedIndicators> shared;
    private final List<ClosedTrade> trades = new ArrayList<>();
    final EquityStats stats;
    private long now = Long.MIN_VALUE, lastPriceTime = Long.MIN_VALUE;
    private double lastClose = Double.NaN;
    private int currentBar;
    private long nextId = 1;
    private ExitPlan exits = ExitPlan.NONE;
    /** The one working market order (the broker's book for a strategy of declared rules), or null. */
    private Working working;

    private record Working(long id, OrderRequest request, long submitted, long activeFrom) { }

    SweepAccount(BarSeries bars, ExecutionSettings execution, double cash, io.tradeshell.engine.risk.RiskLimits limits, double lotSize,
                 Optional<SharedIndicators> shared) {
        this.symbol = bars.symbol();
        this.bars = bars;
        this.execution = execution;
        this.lotSize = lotSize;
        this.portfolio = new Portfolio(cash, List.of(symbol));
        this.risk = new RiskManager(limits, e -> { });
        double leverage = limits.maxLeverage();
        this.buyingPower = new BuyingPower(leverage > 0 ? leverage : 1, lotSize);
        this.shared = shared;
        this.stats = new EquityStats(cash);
    }

    /** The broker at bar {@code index}'s open: the working market order fills, as far as the account allows. */
    void atOpen(int index, long openTime, double open) {
        currentBar = index;
        now = openTime;
        Working o = working;
        if (o == null || openTime < o.activeFrom()) return;
        double price = execution.slippage().apply(o.request().side(), open);
        double qty = affordable(o.request(), o.request().qty(), price);
        if (qty > 0) fill(o, qty, price, openTime);
        else working = null; // rejected: not one lot fits
    }

    /** The bar has closed: the account is marked to it, as the loop does before the strategy runs. */
    void atClose(double close, long closeTime) {
        now = closeTime;
        portfolio.mark(0, close);
        lastClose = close;
        lastPriceTime = closeTime;
        // an account at zero halts and flattens: the event loop's business
        if (!(portfolio.equity() > 0)) throw new Unsupported("account at zero");
    }

    /** After the strategy has run: the bar's equity point. */
    void record(int index) {
        double e = portfolio.equity();
        double exposure = e > 0 ? portfolio.grossExposure() / e : 0;
        stats.add(e, exposure);
    }

    /** Whether a market order is working. */
    boolean hasWorking() { return working != null; }

    /** When the working order may fill: the first bar opening at or after this. */
    long workingFrom() { return working.activeFrom(); }

    /** The close time of the bar the account was last marked to. */
    long markedAt() { return lastPriceTime; }

    List<ClosedTrade> trades() { return trades; }

    double commissions() { return portfolio.commissions(); }

    private double affordable(OrderRequest r, double qty, double price) {
        double fits = buyingPower.affordable(portfolio, 0, r.side().sign(), qty, price, true, execution.commission());
        return Math.min(fits, qty);
    }

    private void fill(Working o, double qty, double price, long time) {
        working = null;
        OrderRequest r = o.request();
        double commission = execution.commission().commission(qty, price, true);
        Fill fill = new Fill(o.id(), symbol, r.side(), qty, price, commission, time, r.tag());
        portfolio.apply(0, fill, currentBar, trades::add);
    }

    @Override
    public OrderSnapshot submit(OrderRequest request) {
        if (request.type() != OrderType.MARKET) throw new Unsupported("an order that is not at market");
        if (working != null) throw new Unsupported("a second working order");
        if (!bars.isEmpty()) OrderRequest.checkNotional(request.qty(), bars.close(bars.lastIndex()));
        Optional<String> denial = risk.check(request, this);
        if (denial.isPresent()) return new OrderSnapshot(-1, request, now, OrderStatus.REJECTED, 0, Double.NaN);
        Working o = new Working(nextId++, request, now, now + execution.latencyMillis());
        if (execution.fillTiming() == FillTiming.CLOSE && execution.latencyMillis() == 0 && !Double.isNaN(lastClose)) {
            double price = execution.slippage().apply(request.side(), lastClose);
            double qty = affordable(request, request.qty(), price);
            if (!(qty > 0)) return new OrderSnapshot(o.id(), request, now, OrderStatus.REJECTED, 0, Double.NaN);
            fill(o, qty, price, now);
            return new OrderSnapshot(o.id(), request.withQtyAndPrices(qty, request.limitPrice(), request.stopPrice()), now,
                    OrderStatus.FILLED, qty, price);
        }
        working = o;
        return snapshot(o);
    }

    private static OrderSnapshot snapshot(Working o) {
        return new OrderSnapshot(o.id(), o.request(), o.submitted(), OrderStatus.ACCEPTED, 0, Double.NaN);
    }

    @Override public boolean isWorking(long orderId) { return working != null && working.id() == orderId; }
    @Override public List<OrderSnapshot> openOrders() { return working == null ? List.of() : List.of(snapshot(working)); }
    @Override public boolean cancel(long orderId) { throw new Unsupported("cancel"); }
    @Override public void cancelAll() { throw new Unsupported("cancelAll"); }
    @Override public void flatten(String tag) { throw new Unsupported("flatten"); }
    /** Stops and targets are the symbol trader's: a strategy that sets them runs alone. */
    @Override public void exitPlan(ExitPlan plan) { exits = plan; }
    @Override public ExitPlan exitPlan() { return exits; }

    /** Whether the strategy set protective exits of its own. */
    boolean setsExits() { return !exits.isEmpty(); }

    @Override public String symbol() { return symbol; }
    @Override public BarSeries bars() { return bars; }
    @Override public long now() { return now; }
    @Override public double position() { return portfolio.position(0); }
    @Override public double entryPrice() { return position() == 0 ? Double.NaN : portfolio.avgPrice(0); }
    @Override public double cash() { return portfolio.cash(); }
    @Override public double equity() { return portfolio.equity(); }
    @Override public double lotSize() { return lotSize; }
    @Override public double maxLeverage() {
        double l = risk.limits().maxLeverage();
        return l > 0 ? l : 1;
    }
    @Override public Optional<SharedIndicators> sharedIndicators() { return shared; }

    @Override public double grossExposure() { return portfolio.grossExposure(); }
    @Override public double position(String s) { return s.equals(symbol) ? portfolio.position(0) : 0; }
    @Override public double lastPrice(String s) { return s.equals(symbol) ? portfolio.lastPrice(0) : Double.NaN; }
    @Override public long lastPriceTime(String s) { return s.equals(symbol) ? lastPriceTime : Long.MIN_VALUE; }
}
