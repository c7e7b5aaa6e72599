package io.tradeshell.engine.broker;

import io.tradeshell.engine.clock.Clock;
import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.events.TradingEvent.OrderAccepted;
import io.tradeshell.engine.events.TradingEvent.OrderCancelled;
import io.tradeshell.engine.events.TradingEvent.OrderExpired;
import io.tradeshell.engine.events.TradingEvent.OrderFilled;
import io.tradeshell.engine.events.TradingEvent.OrderReduced;
import io.tradeshell.engine.events.TradingEvent.OrderRejected;
import io.tradeshell.engine.events.TradingEvent.OrderReplaced;
import io.tradeshell.engine.events.TradingEvent.OrderSubmitted;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.order.OrderType;
import io.tradeshell.engine.order.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The broker of every mode: keeps working orders per symbol and fills them against each new
 * bar or tick the feed delivers, with the configured fill timing, slippage, commission,
 * latency, volume cap and random rejections.
 *
 * <p>An order decided at a bar's close is matched no earlier than the next bar or tick of its
 * symbol, except a market order under {@link FillTiming#CLOSE}, which fills at once at the
 * close (the optimistic setting). Every state change is published as an event before it takes
 * effect on the account, so a journal listener records it first.
 */
public final class SimulatedBroker implements Broker {
    private static final long DAY_MILLIS = 86_400_000L;

    private final ExecutionSettings settings;
    private final Clock clock;
    private final Map<String, Integer> slots;
    private final List<List<Order>> working;
    /**
     * Whether the symbol may have working orders: set when one is placed, cleared when a bar finds
     * none, so a bar of a symbol with nothing working reads one flag among all the symbols' flags.
     */
    private final boolean[] mayWork;
    private final double[] lastClose;
    /** When each symbol's newest bar opened (matched at its open), for fills that wait on other symbols' sells. */
    private final long[] openedAt;
    /** Buys at one open that fit only once other symbols' sells at that same open have filled. */
    private final List<Deferred> deferred = new java.util.ArrayList<>();

    private record Deferred(int slot, Order order, double qty, double price, long bookedAt) { }
    private final FillHandler fillHandler;
    private final EventListener events;
    private final SplittableRandom random;
    private long nextId = 1;
    /** The account fills are checked against, or null for a broker that checks nothing (tests of matching alone). */
    private AccountBalance account;
    private BuyingPower buyingPower;
    private int reducedForCash, rejectedForCash;

    public SimulatedBroker(ExecutionSettings settings, Clock clock, List<String> symbols,
                           FillHandler fillHandler, EventListener events) {
        this.settings = settings;
        this.clock = clock;
        this.slots = new java.util.HashMap<>();
        this.working = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            slots.put(symbols.get(i), i);
            working.add(new ArrayList<>(4));
        }
        this.mayWork = new boolean[symbols.size()];
        this.lastClose = new double[symbols.size()];
        this.openedAt = new long[symbols.size()];
        java.util.Arrays.fill(openedAt, Long.MIN_VALUE);
        java.util.Arrays.fill(lastClose, Double.NaN);
        this.fillHandler = fillHandler;
        this.events = events;
        this.random = new SplittableRandom(settings.seed());
    }

    /** Continues numbering after the orders of an earlier session. */
    public void continueIdsAfter(long lastId) {
        nextId = Math.max(nextId, lastId + 1);
    }

    public ExecutionSettings settings() { return settings; }

    /**
     * Checks every fill that adds exposure against {@code account} under {@code rule}: an order
     * that does not fit is reduced to what does, or rejected when nothing does.
     */
    public SimulatedBroker checkBuyingPower(AccountBalance account, BuyingPower rule) {
        this.account = account;
        this.buyingPower = rule;
        return this;
    }

    /** Orders cut at a fill to what the account could pay for. */
    public int ordersReducedForCash() { return reducedForCash; }

    /** Orders rejected at a fill because not one lot of them could be paid for. */
    public int ordersRejectedForCash() { return rejectedForCash; }

    @Override
    public OrderSnapshot submit(OrderRequest request) {
        Integer slot = slots.get(request.symbol());
        long now = clock.now();
        Order order = new Order(nextId++, request, now, now + settings.latencyMillis());
        events.on(new OrderSubmitted(now, order.snapshot()));
        if (slot == null) return reject(order, "unknown symbol " + request.symbol());
        if (settings.rejectProbability() > 0 && random.nextDouble() < settings.rejectProbability()) {
            return reject(order, "rejected by the simulated broker (random rejection, p=" + settings.rejectProbability() + ")");
        }
        order.status(OrderStatus.ACCEPTED);
        events.on(new OrderAccepted(now, order.snapshot()));
        if (request.type() == OrderType.MARKET && settings.fillTiming() == FillTiming.CLOSE
                && settings.latencyMillis() == 0 && !Double.isNaN(lastClose[slot])) {
            double price = settings.slippage().apply(request.side(), lastClose[slot]);
            double qty = affordable(slot, order, order.remainingQty(), price, now);
            if (qty > 0) fill(slot, order, qty, price, now);
            if (!order.status().isWorking()) return order.snapshot();
        }
        working.get(slot).add(order);
        mayWork[slot] = true;
        return order.snapshot();
    }

    private OrderSnapshot reject(Order order, String reason) {
        order.status(OrderStatus.REJECTED);
        events.on(new OrderRejected(clock.now(), order.snapshot(), reason));
        return order.snapshot();
    }

    @Override
    public boolean cancel(long orderId, String reason) {
        for (List<Order> list : working) {
            for (int k = 0; k < list.size(); k++) {
                Order o = list.get(k);
                if (o.id() == orderId) {
                    list.remove(k);
                    o.status(OrderStatus.CANCELLED);
                    events.on(new OrderCancelled(clock.now(), o.snapshot(), reason));
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Like a new order, a replacement reaches the market only after the broker's latency;
     * until then the order keeps working on its old terms (a trailing stop being moved still
     * protects at its old level). The change is published when it comes into force.
     */
    @Override
    public boolean replace(long orderId, double qty, double limitPrice, double stopPrice) {
        for (List<Order> list : working) {
            for (Order o : list) {
                if (o.id() != orderId) continue;
                if (qty <= o.filledQty()) return false;
                OrderRequest r = o.latestRequest().withQtyAndPrices(qty, limitPrice, stopPrice);
                if (r.equals(o.latestRequest())) return true;
                long now = clock.now();
                if (settings.latencyMillis() == 0) {
                    o.replace(r);
                    events.on(new OrderReplaced(now, o.snapshot()));
                } else {
                    o.replaceFrom(r, now + settings.latencyMillis());
                }
                return true;
            }
        }
        return false;
    }

    /** The order {@code orderId} if it is still working. */
    public Optional<OrderSnapshot> workingOrder(long orderId) {
        for (List<Order> list : working) {
            for (Order o : list) if (o.id() == orderId) return Optional.of(o.snapshot());
        }
        return Optional.empty();
    }

    @Override
    public List<OrderSnapshot> openOrders() {
        List<OrderSnapshot> out = new ArrayList<>();
        for (List<Order> list : working) for (Order o : list) out.add(o.snapshot());
        out.sort(java.util.Comparator.comparingLong(OrderSnapshot::id));
        return out;
    }

    /** Whether the symbol in {@code slot} has working orders. */
    public boolean hasWorkingOrders(int slot) {
        return !working.get(slot).isEmpty();
    }

    /** The close of the symbol's newest bar, used by close fills and by sizing. */
    public void onClose(int slot, double close) {
        lastClose[slot] = close;
    }

    @Override
    public boolean onQuietBars(int[] slots, int from, int to, long openTime, double[] close) {
        for (int e = from; e < to; e++) if (mayWork[slots[e]]) return false;
        for (int e = from; e < to; e++) {
            int slot = slots[e];
            openedAt[slot] = openTime;
            lastClose[slot] = close[e];
        }
        return true;
    }

    /** Matches the symbol's working orders against a bar that opened at {@code openTime}. */
    public void onBar(int slot, long openTime, double open, double high, double low, double volume) {
        openedAt[slot] = openTime;
        if (!mayWork[slot]) return;
        List<Order> list = working.get(slot);
        if (list.isEmpty()) {
            mayWork[slot] = false;
            return;
        }
        match(slot, list, openTime, openTime, open, high, low, volume, 0, OrderMatcher.LAST_PHASE);
    }

    /**
     * At a bar's open: fills what the open alone executes (market orders, and limits and stops
     * the open crosses), booked at {@code openTime}. The rest waits for {@link #onBarRest}.
     */
    public void onOpen(int slot, long openTime, double open, double volume) {
        openedAt[slot] = openTime;
        List<Order> list = working.get(slot);
        if (list.isEmpty()) return;
        match(slot, list, openTime, openTime, open, open, open, volume, 0, OrderMatcher.LAST_OPEN_PHASE);
    }

    /**
     * At the close of a bar whose open went to {@link #onOpen}: the stops and limits its range
     * reached, for orders working since its open. A fill is booked at {@code bookedAt}, the
     * run's time when the bar's range became known as far as it can be placed without going back.
     */
    public void onBarRest(int slot, long openTime, long bookedAt, double open, double high, double low, double volume) {
        List<Order> list = working.get(slot);
        if (list.isEmpty()) return;
        match(slot, list, openTime, bookedAt, open, high, low, volume, OrderMatcher.LAST_OPEN_PHASE + 1, OrderMatcher.LAST_PHASE);
    }

    /** Matches the symbol's working orders against one trade print. */
    public void onTick(int slot, long time, double price, double amount) {
        List<Order> list = working.get(slot);
        if (list.isEmpty()) return;
        match(slot, list, time, time, price, price, price, amount, 0, OrderMatcher.LAST_PHASE);
    }

    private void match(int slot, List<Order> list, long time, long bookedAt, double open, double high, double low, double volume,
                       int firstPhase, int lastPhase) {
        // A copy, because fills call back into strategies that may place or cancel orders;
        // orders placed during this bar are matched from the next one.
        Order[] batch = list.toArray(new Order[0]);
        for (Order o : batch) {
            if (firstPhase > 0) break; // the open already did this
            if (o.applyPending(time)) events.on(new OrderReplaced(time, o.snapshot()));
            if (o.request().tif() == TimeInForce.DAY
                    && Math.floorDiv(time, DAY_MILLIS) > Math.floorDiv(o.submittedTime(), DAY_MILLIS)) {
                list.remove(o);
                o.status(OrderStatus.EXPIRED);
                events.on(new OrderExpired(time, o.snapshot()));
            }
        }
        // Each order is matched at most once per bar, in the phase its prices put it in.
        boolean[] done = new boolean[batch.length];
        for (int phase = 0; phase <= lastPhase; phase++) {
            for (int k = 0; k < batch.length; k++) {
                Order o = batch[k];
                if (done[k]) continue;
                if (!o.status().isWorking() || !list.contains(o) || time < o.activeFrom()) {
                    done[k] = true;
                    continue;
                }
                int at = OrderMatcher.phase(o, open);
                if (at > phase) continue;
                if (at < firstPhase) {
                    done[k] = true; // the open dealt with it
                    continue;
                }
                done[k] = true;
                double price = OrderMatcher.fillPrice(o, open, high, low, settings.slippage());
                if (Double.isNaN(price)) continue;
                double qty = o.remainingQty();
                if (settings.maxVolumeShare() > 0) qty = Math.min(qty, settings.maxVolumeShare() * volume);
                if (!(qty > 0)) continue;
                if (firstPhase == 0 && time == openedAt[slot] && waitsForSells(slot, o, qty, price, time)) {
                    deferred.add(new Deferred(slot, o, qty, price, bookedAt));
                    continue;
                }
                qty = affordable(slot, o, qty, price, bookedAt);
                if (qty > 0) fill(slot, o, qty, price, bookedAt);
            }
        }
    }

    /**
     * Whether an order that does not fit the buying power now should wait for sells of other
     * symbols at this same open: orders executing at one moment are settled sells first, as a
     * rebalance places them, whatever order the symbols' bars arrive in.
     */
    private boolean waitsForSells(int slot, Order o, double qty, double price, long time) {
        if (account == null) return false;
        int sign = o.request().side().sign();
        boolean adds = Math.abs(account.position(slot) + sign * qty) > Math.abs(account.position(slot));
        // once one buy at this moment waits, the later ones queue behind it, so buys settle in symbol order
        if (adds && !deferred.isEmpty() && deferred.get(deferred.size() - 1).bookedAt() == time) return true;
        if (buyingPower.affordable(account, slot, sign, qty, price, o.filledQty() == 0, settings.commission()) >= qty) return false;
        for (int s = 0; s < working.size(); s++) {
            if (s == slot || openedAt[s] >= time) continue;
            for (Order w : working.get(s)) {
                boolean reduces = w.request().type() == OrderType.MARKET && time >= w.activeFrom()
                        && Math.signum(account.position(s)) == -w.request().side().sign() && account.position(s) != 0;
                if (reduces) return true;
            }
        }
        return false;
    }

    /**
     * Settles the buys that waited for other symbols' sells at their open (see
     * {@link #waitsForSells}); the loop calls it once every bar of a moment is in, before any
     * strategy runs. Each is then filled as far as the buying power allows, at its own open.
     */
    public void settleWaitingBuys() {
        if (deferred.isEmpty()) return;
        List<Deferred> now = List.copyOf(deferred);
        deferred.clear();
        for (Deferred d : now) {
            if (!d.order().status().isWorking() || !working.get(d.slot()).contains(d.order())) continue;
            double qty = affordable(d.slot(), d.order(), Math.min(d.qty(), d.order().remainingQty()), d.price(), d.bookedAt());
            if (qty > 0) fill(d.slot(), d.order(), qty, d.price(), d.bookedAt());
        }
    }

    /**
     * How much of {@code qty} the account can pay for at {@code price}; an order that does not
     * fit is cut to filled-so-far plus what fits (an {@link OrderReduced} event), or rejected
     * when nothing has filled and nothing fits. A cut order with nothing more to fill is done.
     */
    private double affordable(int slot, Order o, double qty, double price, long time) {
        if (account == null) return qty;
        int sign = o.request().side().sign();
        double fits = buyingPower.affordable(account, slot, sign, qty, price, o.filledQty() == 0, settings.commission());
        if (fits >= qty) return qty;
        String why = "%s of %s at %s would exceed the buying power (%s)".formatted(o.request().side(), quantity(qty), quantity(price),
                buyingPower.describe(account, slot, price));
        if (fits <= 0 && o.filledQty() == 0) {
            working.get(slot).remove(o);
            rejectedForCash++;
            o.status(OrderStatus.REJECTED);
            events.on(new OrderRejected(time, o.snapshot(), "insufficient buying power: " + why + "; not one lot fits"));
            return 0;
        }
        double requested = o.request().qty();
        o.reduceTo(o.filledQty() + fits);
        reducedForCash++;
        if (!o.status().isWorking()) working.get(slot).remove(o);
        events.on(new OrderReduced(time, o.snapshot(), requested, "reduced from " + quantity(requested) + " to " + quantity(o.request().qty())
                + ": " + why));
        return fits;
    }

    /** A quantity or price as people read it: whole numbers without a decimal point. */
    private static String quantity(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Records a fill, settles the order's one-cancels-other group, and only then tells the
     * fill handler, so the handler sees the book as the fill left it.
     */
    private void fill(int slot, Order o, double qty, double price, long time) {
        boolean first = o.filledQty() == 0;
        double commission = settings.commission().commission(qty, price, first);
        o.addFill(qty, price);
        if (!o.status().isWorking()) working.get(slot).remove(o);
        Fill fill = new Fill(o.id(), o.symbol(), o.request().side(), qty, price, commission, time, o.request().tag());
        events.on(new OrderFilled(time, o.snapshot(), fill));
        if (o.request().ocoGroup() != 0) settleGroup(o, qty, time);
        fillHandler.onFill(slot, fill);
    }

    /**
     * One-cancels-other: when an order of the group is filled the others are cancelled; when it
     * is filled in part, the others shrink by the same quantity, so the group never covers
     * more than is left (a stop-loss and take-profit stay the size of the position).
     */
    private void settleGroup(Order filled, double qty, long time) {
        long group = filled.request().ocoGroup();
        boolean done = !filled.status().isWorking();
        for (List<Order> list : working) {
            for (int k = list.size() - 1; k >= 0; k--) {
                Order o = list.get(k);
                if (o == filled || o.request().ocoGroup() != group) continue;
                double left = o.request().qty() - qty;
                if (done || left <= o.filledQty() + 1e-9) {
                    list.remove(k);
                    o.status(OrderStatus.CANCELLED);
                    events.on(new OrderCancelled(time, o.snapshot(), "one-cancels-other: sibling #" + filled.id()
                            + (done ? " filled" : " filled in part")));
                } else {
                    o.shrink(qty);
                    events.on(new OrderReplaced(time, o.snapshot()));
                }
            }
        }
    }
}
