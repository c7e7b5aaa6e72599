package io.tradeshell.brokers.alpaca;

import io.tradeshell.brokers.BrokerHttpException;
import io.tradeshell.brokers.BrokerUnreachableException;
import io.tradeshell.engine.broker.Broker;
import io.tradeshell.engine.broker.BrokerFactory;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.events.TradingEvent.Note;
import io.tradeshell.engine.events.TradingEvent.OrderAccepted;
import io.tradeshell.engine.events.TradingEvent.OrderCancelled;
import io.tradeshell.engine.events.TradingEvent.OrderExpired;
import io.tradeshell.engine.events.TradingEvent.OrderFilled;
import io.tradeshell.engine.events.TradingEvent.OrderRejected;
import io.tradeshell.engine.events.TradingEvent.OrderReplaced;
import io.tradeshell.engine.events.TradingEvent.OrderSubmitted;
import io.tradeshell.engine.events.TradingEvent.TradingStateChanged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The {@link Broker} port at Alpaca. Orders are numbered like the simulated broker's, in the
 * journal's sequence, and each carries the client order id {@link ClientOrderIds} derives from
 * that number, so an order sent again after a crash is recognised, not duplicated.
 *
 * <p>Fills arrive on the stream's thread; they wait in a queue and are handed to the loop on
 * its own thread at the next market event, so the run stays single-threaded. When Alpaca cannot
 * be reached for longer than the limit, trading halts: the halt is an event (journaled, alerted)
 * and every later order is refused with the reason.
 */
public final class AlpacaBroker implements Broker {
    private final AlpacaRest rest;
    private final ClientOrderIds ids;
    private final Set<String> unanswered;
    private final BrokerFactory.Wiring wiring;
    private final Map<String, Integer> slots = new HashMap<>();
    private final Map<Long, Working> working = new LinkedHashMap<>();
    private final Map<String, Working> byClientId = new HashMap<>();
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private long nextId = 1;
    private String halted;

    /** One order the loop knows at Alpaca. */
    private static final class Working {
        final long id;
        final String clientOrderId;
        OrderRequest request;
        String alpacaId;
        final long submitted;
        OrderStatus status = OrderStatus.NEW;
        double filledQty, avgPrice = Double.NaN;

        Working(long id, String clientOrderId, OrderRequest request, long submitted) {
            this.id = id;
            this.clientOrderId = clientOrderId;
            this.request = request;
            this.submitted = submitted;
        }

        OrderSnapshot snapshot() {
            return new OrderSnapshot(id, request, submitted, status, filledQty, avgPrice);
        }
    }

    /**
     * @param unanswered client order ids the journal holds as submitted with no answer from Alpaca
     */
    public AlpacaBroker(AlpacaRest rest, ClientOrderIds ids, Set<String> unanswered, BrokerFactory.Wiring wiring) {
        this.rest = rest;
        this.ids = ids;
        this.unanswered = Set.copyOf(unanswered);
        this.wiring = wiring;
        for (int k = 0; k < wiring.symbols().size(); k++) slots.put(wiring.symbols().get(k), k);
    }

    public static BrokerFactory factory(AlpacaRest rest, ClientOrderIds ids, Set<String> unanswered, java.util.function.Consumer<AlpacaBroker> opened) {
        return w -> {
            AlpacaBroker b = new AlpacaBroker(rest, ids, unanswered, w);
            opened.accept(b);
            return b;
        };
    }

    /** Continues numbering after the orders of an earlier session. */
    public void continueIdsAfter(long lastId) {
        nextId = Math.max(nextId, lastId + 1);
    }

    private long now() {
        return wiring.clock().now();
    }

    @Override
    public OrderSnapshot submit(OrderRequest request) {
        long id = nextId++;
        Working w = new Working(id, ids.of(id), request, now());
        wiring.events().on(new OrderSubmitted(w.submitted, w.snapshot()));
        if (halted != null) return reject(w, halted);
        if (!slots.containsKey(request.symbol())) return reject(w, "unknown symbol " + request.symbol());
        AlpacaOrder o;
        try {
            o = rest.submit(request, w.clientOrderId, unanswered.contains(w.clientOrderId));
        } catch (BrokerHttpException e) {
            return reject(w, "rejected by Alpaca: " + rest.secrets().scrub(e.getMessage()));
        } catch (BrokerUnreachableException e) {
            halt(e.getMessage());
            return reject(w, halted);
        }
        w.alpacaId = o.id();
        working.put(id, w);
        byClientId.put(w.clientOrderId, w);
        if (o.status() == OrderStatus.REJECTED) {
            working.remove(id);
            return reject(w, "rejected by Alpaca");
        }
        w.status = OrderStatus.ACCEPTED;
        wiring.events().on(new OrderAccepted(now(), w.snapshot()));
        // an order adopted after a crash may have filled meanwhile: the fills come from its state
        if (o.filledQty() > 0) catchUp(w, o);
        return w.snapshot();
    }

    private OrderSnapshot reject(Working w, String reason) {
        w.status = OrderStatus.REJECTED;
        wiring.events().on(new OrderRejected(now(), w.snapshot(), reason));
        return w.snapshot();
    }

    /** The halt after Alpaca stayed out of reach too long: one event, then every order refused. */
    private void halt(String why) {
        if (halted != null) return;
        halted = "trading halted: Alpaca unreachable (" + rest.secrets().scrub(why) + ")";
        wiring.events().on(new TradingStateChanged(now(), "HALTED", halted));
    }

    public boolean isHalted() {
        return halted != null;
    }

    @Override
    public boolean cancel(long orderId, String reason) {
        Working w = working.get(orderId);
        if (w == null || !w.status.isWorking()) return false;
        try {
            rest.cancel(w.alpacaId);
        } catch (BrokerHttpException e) {
            if (e.status() == 422 || e.status() == 404) return false; // filled or gone already
            throw e;
        } catch (BrokerUnreachableException e) {
            halt(e.getMessage());
            return false;
        }
        w.status = OrderStatus.CANCELLED;
        working.remove(orderId);
        wiring.events().on(new OrderCancelled(now(), w.snapshot(), reason));
        return true;
    }

    @Override
    public boolean replace(long orderId, double qty, double limitPrice, double stopPrice) {
        Working w = working.get(orderId);
        if (w == null || !w.status.isWorking() || qty <= w.filledQty) return false;
        OrderRequest r = w.request.withQtyAndPrices(qty, limitPrice, stopPrice);
        if (r.equals(w.request)) return true;
        AlpacaOrder o;
        try {
            o = rest.replace(w.alpacaId, r.qty(), r.limitPrice(), r.stopPrice(), ids.replacement(w.clientOrderId, w.alpacaId));
        } catch (BrokerHttpException e) {
            return false;
        } catch (BrokerUnreachableException e) {
            halt(e.getMessage());
            return false;
        }
        byClientId.put(o.clientOrderId(), w);
        w.alpacaId = o.id();
        w.request = r;
        wiring.events().on(new OrderReplaced(now(), w.snapshot()));
        return true;
    }

    @Override
    public List<OrderSnapshot> openOrders() {
        List<OrderSnapshot> out = new ArrayList<>();
        for (Working w : working.values()) if (w.status.isWorking()) out.add(w.snapshot());
        return out;
    }

    /** From the stream's thread: kept until the loop's next market event. */
    public void onTradeUpdate(TradeUpdate u) {
        inbox.add(() -> apply(u));
    }

    /**
     * After the stream reconnected: asks Alpaca for each working order's state, so fills and
     * cancellations that happened while the stream was down are not lost.
     */
    public void resynchronise() {
        inbox.add(() -> {
            for (Working w : List.copyOf(working.values())) {
                try {
                    catchUp(w, rest.order(w.alpacaId));
                } catch (BrokerUnreachableException e) {
                    halt(e.getMessage());
                    return;
                }
            }
        });
    }

    private void apply(TradeUpdate u) {
        Working w = byClientId.get(u.order().clientOrderId());
        if (w == null) return; // not an order of this session
        if (u.isFill()) {
            double qty = u.qty();
            if (!(qty > 0)) qty = u.order().filledQty() - w.filledQty;
            if (u.order().filledQty() <= w.filledQty + 1e-12) return; // already booked (by a resynchronisation)
            fill(w, qty, Double.isNaN(u.price()) ? u.order().filledAvgPrice() : u.price(), u.order().status());
        } else {
            ended(w, u.order());
        }
    }

    /** Books what Alpaca reports beyond what the loop knows: one fill for the difference, then the ending. */
    private void catchUp(Working w, AlpacaOrder o) {
        double more = o.filledQty() - w.filledQty;
        if (more > 1e-12) {
            // the average of the missed executions, from the old and new averages
            double before = Double.isNaN(w.avgPrice) ? 0 : w.avgPrice * w.filledQty;
            fill(w, more, (o.filledAvgPrice() * o.filledQty() - before) / more, o.status());
        }
        ended(w, o);
    }

    private void fill(Working w, double qty, double price, OrderStatus after) {
        double total = w.filledQty + qty;
        w.avgPrice = Double.isNaN(w.avgPrice) ? price : (w.avgPrice * w.filledQty + price * qty) / total;
        w.filledQty = total;
        w.status = after == OrderStatus.FILLED || total >= w.request.qty() - 1e-12 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        if (!w.status.isWorking()) working.remove(w.id);
        long t = now();
        Fill f = new Fill(w.id, w.request.symbol(), w.request.side(), qty, price, 0, t, w.request.tag());
        wiring.events().on(new OrderFilled(t, w.snapshot(), f));
        wiring.fills().onFill(slots.get(w.request.symbol()), f);
    }

    private void ended(Working w, AlpacaOrder o) {
        if (!w.status.isWorking() || !o.id().equals(w.alpacaId)) return; // ended already, or news of an order since replaced
        switch (o.status()) {
            case CANCELLED -> {
                w.status = OrderStatus.CANCELLED;
                working.remove(w.id);
                wiring.events().on(new OrderCancelled(now(), w.snapshot(), "cancelled by Alpaca (" + o.alpacaStatus() + ")"));
            }
            case EXPIRED -> {
                w.status = OrderStatus.EXPIRED;
                working.remove(w.id);
                wiring.events().on(new OrderExpired(now(), w.snapshot()));
            }
            case REJECTED -> {
                working.remove(w.id);
                reject(w, "rejected by Alpaca");
            }
            default -> { }
        }
    }

    /** Hands over what the stream brought, on the loop's thread. */
    private void drain() {
        for (Runnable r = inbox.poll(); r != null; r = inbox.poll()) r.run();
    }

    /** For a session between feed events, and for tests: everything received so far is applied now. */
    public void applyReceived() {
        drain();
    }

    /** Writes a note on the journal (a reconnection, an adopted order). */
    public void note(String message) {
        wiring.events().on(new Note(now(), rest.secrets().scrub(message)));
    }

    @Override public void onBar(int slot, long openTime, double open, double high, double low, double volume) { drain(); }
    @Override public void onOpen(int slot, long openTime, double open, double volume) { drain(); }
    @Override public void onTick(int slot, long time, double price, double amount) { drain(); }
    @Override public void settleWaitingBuys() { drain(); }
}
