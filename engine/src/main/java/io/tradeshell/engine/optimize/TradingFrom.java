package io.tradeshell.engine.optimize;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.strategy.ExitPlan;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.strategy.TradingContext;
import java.util.List;
import java.util.Map;

/**
 * A strategy that sees every bar but may trade only from {@code from} on: its indicators warm
 * up on the bars before a test window (the training window's), so the test starts with
 * indicators that have values, and yet every order, fill and trade falls inside the test
 * window. An order asked for earlier is refused as the risk layer would refuse it.
 */
final class TradingFrom implements StrategyFactory {
    private final StrategyFactory strategy;
    private final long from;

    TradingFrom(StrategyFactory strategy, long from) {
        this.strategy = strategy;
        this.from = from;
    }

    @Override
    public String name() { return strategy.name(); }

    @Override
    public Map<String, Object> params() { return strategy.params(); }

    @Override
    public Strategy create(TradingContext context) {
        return strategy.create(new Gate(context, from));
    }

    private record Gate(TradingContext c, long from) implements TradingContext {
        private boolean open() {
            BarSeries b = c.bars();
            return !b.isEmpty() && b.openTime(b.lastIndex()) >= from;
        }

        @Override
        public OrderSnapshot submit(OrderRequest request) {
            if (open()) return c.submit(request);
            return new OrderSnapshot(-1, request, c.now(), OrderStatus.REJECTED, 0, Double.NaN);
        }

        public String symbol() { return c.symbol(); }
        public BarSeries bars() { return c.bars(); }
        public long now() { return c.now(); }
        public double position() { return c.position(); }
        public double entryPrice() { return c.entryPrice(); }
        public double cash() { return c.cash(); }
        public double equity() { return c.equity(); }
        public double lotSize() { return c.lotSize(); }
        public List<OrderSnapshot> openOrders() { return c.openOrders(); }
        public boolean cancel(long orderId) { return c.cancel(orderId); }
        public boolean isWorking(long orderId) { return c.isWorking(orderId); }
        public void cancelAll() { c.cancelAll(); }
        public void flatten(String tag) { c.flatten(tag); }
        public void exitPlan(ExitPlan plan) { c.exitPlan(plan); }
        public ExitPlan exitPlan() { return c.exitPlan(); }
    }
}
