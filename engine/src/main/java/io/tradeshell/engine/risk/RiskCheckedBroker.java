package io.tradeshell.engine.risk;

import io.tradeshell.engine.broker.Broker;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.events.TradingEvent.RiskDenied;
import java.util.List;
import java.util.Optional;

/**
 * Any broker behind the risk check: an order the risk layer denies never reaches the broker;
 * it is published as denied and comes back REJECTED with id -1. Everything else passes through.
 */
public final class RiskCheckedBroker implements Broker {
    private final Broker broker;
    private final RiskManager risk;
    private final AccountView account;
    private final EventListener events;

    public RiskCheckedBroker(Broker broker, RiskManager risk, AccountView account, EventListener events) {
        this.broker = broker;
        this.risk = risk;
        this.account = account;
        this.events = events;
    }

    @Override
    public OrderSnapshot submit(OrderRequest request) {
        Optional<String> denial = risk.check(request, account);
        if (denial.isPresent()) {
            events.on(new RiskDenied(account.now(), request, denial.get()));
            return new OrderSnapshot(-1, request, account.now(), OrderStatus.REJECTED, 0, Double.NaN);
        }
        return broker.submit(request);
    }

    @Override public boolean cancel(long orderId, String reason) { return broker.cancel(orderId, reason); }
    @Override public boolean replace(long orderId, double qty, double limitPrice, double stopPrice) { return broker.replace(orderId, qty, limitPrice, stopPrice); }
    @Override public List<OrderSnapshot> openOrders() { return broker.openOrders(); }
    @Override public Optional<OrderSnapshot> workingOrder(long orderId) { return broker.workingOrder(orderId); }
    @Override public void onBar(int slot, long openTime, double open, double high, double low, double volume) { broker.onBar(slot, openTime, open, high, low, volume); }
    @Override public void onOpen(int slot, long openTime, double open, double volume) { broker.onOpen(slot, openTime, open, volume); }
    @Override public void onBarRest(int slot, long openTime, long bookedAt, double open, double high, double low, double volume) {
        broker.onBarRest(slot, openTime, bookedAt, open, high, low, volume);
    }
    @Override public void onTick(int slot, long time, double price, double amount) { broker.onTick(slot, time, price, amount); }
    @Override public void onClose(int slot, double close) { broker.onClose(slot, close); }
    @Override public boolean onQuietBars(int[] slots, int from, int to, long openTime, double[] close) {
        return broker.onQuietBars(slots, from, to, openTime, close);
    }
    @Override public void settleWaitingBuys() { broker.settleWaitingBuys(); }
    @Override public int ordersReducedForCash() { return broker.ordersReducedForCash(); }
    @Override public int ordersRejectedForCash() { return broker.ordersRejectedForCash(); }
}
