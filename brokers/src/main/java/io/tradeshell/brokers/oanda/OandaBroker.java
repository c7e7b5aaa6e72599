package io.tradeshell.brokers.oanda;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.brokers.BrokerHttpException;
import io.tradeshell.brokers.BrokerUnreachableException;
import io.tradeshell.engine.broker.Broker;
import io.tradeshell.engine.broker.BrokerFactory;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.events.TradingEvent.OrderAccepted;
import io.tradeshell.engine.events.TradingEvent.OrderCancelled;
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
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The {@link Broker} port at OANDA (v20). Orders carry client ids derived from the journal
 * ({@code ts-ACCOUNT-N}) in their client extensions, so a resumed session finds an order it sent
 * before a crash instead of sending it twice. A market order is fill-or-kill: OANDA answers with
 * its fill or its cancellation at once; fills of pending orders come as {@code ORDER_FILL}
 * transactions ({@link #onTransaction}). Everything reaches the loop on its own thread.
 */
public final class OandaBroker implements Broker {
    private final OandaRest rest;
    private final String prefix;
    private final Set<String> unanswered;
    private final BrokerFactory.Wiring wiring;
    private final Map<String, Integer> slots = new HashMap<>();
    private final Map<Long, Working> working = new LinkedHashMap<>();
    private final Map<String, Working> byOandaId = new HashMap<>();
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final Set<String> applied = new java.util.HashSet<>();
    /** The newest transaction id heard of (in an answer, a stream line or a heartbeat): where a catch-up starts. */
    private final java.util.concurrent.atomic.AtomicLong lastTransaction = new java.util.concurrent.atomic.AtomicLong(-1);
    private long nextId = 1;
    private String halted;

    private static final class Working {
        final long id;
        final String clientId;
        final long submitted;
        OrderRequest request;
        String oandaId;
        OrderStatus status = OrderStatus.NEW;
        double filled, avg = Double.NaN;

        Working(long id, String clientId, OrderRequest request, long submitted) {
            this.id = id;
            this.clientId = clientId;
            this.request = request;
            this.submitted = submitted;
        }

        OrderSnapshot snapshot() {
            return new OrderSnapshot(id, request, submitted, status, filled, avg);
        }
    }

    public OandaBroker(OandaRest rest, String account, Set<String> unanswered, BrokerFactory.Wiring wiring) {
        this.rest = rest;
        this.prefix = "ts-" + account.replaceAll("[^A-Za-z0-9_-]", "_") + "-";
        this.unanswered = Set.copyOf(unanswered);
        this.wiring = wiring;
        for (int k = 0; k < wiring.symbols().size(); k++) slots.put(wiring.symbols().get(k), k);
    }

    /** The broker of a new session; {@code opened} hears it once the loop has opened it (to start its transactions stream). */
    public static BrokerFactory factory(OandaRest rest, String account, java.util.function.Consumer<OandaBroker> opened) {
        return w -> {
            OandaBroker b = new OandaBroker(rest, account, Set.of(), w);
            opened.accept(b);
            return b;
        };
    }

    public boolean isHalted() {
        return halted != null;
    }

    /** The operator resumed trading after a halt: the next order tries OANDA again (and halts again if it is still out of reach). */
    @Override
    public void tradingResumed() {
        halted = null;
    }

    public void continueIdsAfter(long lastId) {
        nextId = Math.max(nextId, lastId + 1);
    }

    private long now() {
        return wiring.clock().now();
    }

    @Override
    public OrderSnapshot submit(OrderRequest request) {
        long id = nextId++;
        Working w = new Working(id, prefix + id, request, now());
        wiring.events().on(new OrderSubmitted(w.submitted, w.snapshot()));
        if (halted != null) return reject(w, halted);
        if (!slots.containsKey(request.symbol())) return reject(w, "unknown instrument " + request.symbol());
        JsonNode answer;
        try {
            answer = rest.submit(request, w.clientId, unanswered.contains(w.clientId));
        } catch (BrokerHttpException e) {
            return reject(w, "rejected by OANDA: " + rest.secrets().scrub(e.getMessage()));
        } catch (BrokerUnreachableException e) {
            halt(e.getMessage());
            return reject(w, halted);
        }
        // a found order ({"order": ...}) or a fresh answer ({"orderCreateTransaction": ...})
        heard(answer.path("lastTransactionID"));
        JsonNode created = answer.has("order") ? answer.get("order") : answer.path("orderCreateTransaction");
        w.oandaId = created.path("id").asText();
        w.status = OrderStatus.ACCEPTED;
        working.put(id, w);
        byOandaId.put(w.oandaId, w);
        wiring.events().on(new OrderAccepted(now(), w.snapshot()));
        if (answer.has("orderFillTransaction")) onTransaction(answer.get("orderFillTransaction"));
        if (answer.has("orderCancelTransaction")) onTransaction(answer.get("orderCancelTransaction"));
        return w.snapshot();
    }

    private OrderSnapshot reject(Working w, String reason) {
        w.status = OrderStatus.REJECTED;
        wiring.events().on(new OrderRejected(now(), w.snapshot(), reason));
        return w.snapshot();
    }

    private void halt(String why) {
        if (halted != null) return;
        halted = "trading halted: OANDA unreachable (" + rest.secrets().scrub(why) + ")";
        wiring.events().on(new TradingStateChanged(now(), "HALTED", halted));
    }

    @Override
    public boolean cancel(long orderId, String reason) {
        Working w = working.get(orderId);
        if (w == null || !w.status.isWorking()) return false;
        try {
            rest.cancel(w.oandaId);
        } catch (BrokerHttpException e) {
            return false;
        } catch (BrokerUnreachableException e) {
            halt(e.getMessage());
            return false;
        }
        ended(w, OrderStatus.CANCELLED, reason);
        return true;
    }

    @Override
    public boolean replace(long orderId, double qty, double limitPrice, double stopPrice) {
        Working w = working.get(orderId);
        if (w == null || !w.status.isWorking() || qty <= w.filled) return false;
        OrderRequest r = w.request.withQtyAndPrices(qty - w.filled, limitPrice, stopPrice);
        JsonNode answer;
        try {
            answer = rest.replace(w.oandaId, r, w.clientId);
        } catch (BrokerHttpException e) {
            return false;
        } catch (BrokerUnreachableException e) {
            halt(e.getMessage());
            return false;
        }
        byOandaId.remove(w.oandaId);
        w.oandaId = answer.path("orderCreateTransaction").path("id").asText();
        byOandaId.put(w.oandaId, w);
        w.request = w.request.withQtyAndPrices(qty, limitPrice, stopPrice);
        wiring.events().on(new OrderReplaced(now(), w.snapshot()));
        return true;
    }

    @Override
    public Optional<String> venue() {
        return Optional.of("OANDA");
    }

    @Override
    public List<OrderSnapshot> openOrders() {
        List<OrderSnapshot> out = new ArrayList<>();
        for (Working w : working.values()) if (w.status.isWorking()) out.add(w.snapshot());
        return out;
    }

    /** A transaction from an answer or from the transactions stream (any thread): applied at the loop's next market event. */
    public void onTransaction(JsonNode t) {
        heard(t.path("id"));
        inbox.add(() -> apply(t));
    }

    /** A line of the transactions stream (its thread): a transaction, or a heartbeat naming the newest transaction id. */
    public void onStreamLine(JsonNode line) {
        if (line.path("type").asText().endsWith("HEARTBEAT")) heard(line.path("lastTransactionID"));
        else onTransaction(line);
    }

    private void heard(JsonNode id) {
        if (id.isMissingNode() || id.isNull()) return;
        try {
            long n = Long.parseLong(id.asText());
            lastTransaction.accumulateAndGet(n, Math::max);
        } catch (NumberFormatException e) {
            // not a transaction number
        }
    }

    /**
     * After the transactions stream reconnected: asks OANDA for every transaction since the
     * newest one heard of, so a fill made while the stream was down is booked once.
     */
    public void resynchronise() {
        long since = lastTransaction.get();
        if (since < 0) return;
        inbox.add(() -> {
            try {
                for (JsonNode t : rest.transactionsSince(Long.toString(since))) {
                    heard(t.path("id"));
                    apply(t);
                }
            } catch (BrokerUnreachableException e) {
                halt(e.getMessage());
            }
        });
    }

    private void apply(JsonNode t) {
        String txId = t.path("id").asText("");
        if (!txId.isEmpty() && !applied.add(txId)) return; // heard twice (an answer and the stream, or a catch-up)
        Working w = byOandaId.get(t.path("orderID").asText());
        if (w == null || !w.status.isWorking()) return;
        switch (t.path("type").asText()) {
            case "ORDER_FILL" -> {
                double qty = Math.abs(t.path("units").asDouble());
                double price = t.path("price").asDouble();
                double total = w.filled + qty;
                w.avg = Double.isNaN(w.avg) ? price : (w.avg * w.filled + price * qty) / total;
                w.filled = total;
                w.status = total >= w.request.qty() - 1e-9 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
                if (!w.status.isWorking()) working.remove(w.id);
                double commission = Math.abs(t.path("commission").asDouble(0));
                Fill f = new Fill(w.id, w.request.symbol(), w.request.side(), qty, price, commission, now(), w.request.tag());
                wiring.events().on(new OrderFilled(now(), w.snapshot(), f));
                wiring.fills().onFill(slots.get(w.request.symbol()), f);
            }
            case "ORDER_CANCEL" -> ended(w, OrderStatus.CANCELLED, "cancelled by OANDA (" + t.path("reason").asText() + ")");
            default -> { }
        }
    }

    private void ended(Working w, OrderStatus status, String reason) {
        w.status = status;
        working.remove(w.id);
        wiring.events().on(new OrderCancelled(now(), w.snapshot(), reason));
    }

    private void drain() {
        for (Runnable r = inbox.poll(); r != null; r = inbox.poll()) r.run();
    }

    /** Writes a note on the journal (a stream dropped and reconnected), on the loop's thread at its next market event; any thread. */
    public void note(String message) {
        String scrubbed = rest.secrets().scrub(message);
        inbox.add(() -> wiring.events().on(new io.tradeshell.engine.events.TradingEvent.Note(now(), scrubbed)));
    }

    public void applyReceived() {
        drain();
    }

    @Override public void onBar(int slot, long openTime, double open, double high, double low, double volume) { drain(); }
    @Override public void onOpen(int slot, long openTime, double open, double volume) { drain(); }
    @Override public void onTick(int slot, long time, double price, double amount) { drain(); }
    @Override public void settleWaitingBuys() { drain(); }
}
