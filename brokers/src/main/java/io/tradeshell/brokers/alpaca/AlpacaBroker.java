package io.tradeshell.brokers.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.brokers.Adoption;
import io.tradeshell.brokers.BrokerHttpException;
import io.tradeshell.brokers.JournalOrders;
import io.tradeshell.brokers.BrokerUnreachableException;
import io.tradeshell.engine.broker.Broker;
import io.tradeshell.engine.broker.BrokerFactory;
import io.tradeshell.engine.broker.JournalReplay;
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
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.trade.ExitReason;
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
 * The {@link Broker} port at Alpaca. Orders are numbered like the simulated broker's, in the
 * journal's sequence, and each carries the client order id {@link ClientOrderIds} derives from
 * that number, so an order sent again after a crash is recognised, not duplicated.
 *
 * <p>Fills arrive on the stream's thread; they wait in a queue and are handed to the loop on
 * its own thread at the next market event, so the run stays single-threaded. When Alpaca cannot
 * be reached for longer than the limit, trading halts: the halt is an event (journaled, alerted)
 * and every later order is refused with the reason.
 *
 * <p>On a resumed session the journal is re-run first ({@link JournalReplay}): while it is, the
 * adapter sends nothing and answers every order, cancel and fill from the journal's lines, so
 * the account comes back exactly; once the replay has caught up, it finds each working order at
 * Alpaca by its client order id and books what happened meanwhile. An order whose submission
 * is the journal's last line (a crash before Alpaca's answer was written) is looked up by that
 * id before anything is sent, so it is never sent twice.
 *
 * <p>What the user adopts from Alpaca at start-up (see {@link #adopt}) becomes the account's own
 * at the first market event: each position a fill at Alpaca's average entry price, each working
 * order an order the session follows, all tagged {@code adopted} in the journal, which a resume
 * re-runs like any other line.
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
    private JournalReplay replay = JournalReplay.NONE;
    /** Whether the working orders replayed from the journal have been found at Alpaca. */
    private boolean attached = true;
    /** What the user adopted from Alpaca, booked at the first market event after the replay. */
    private Adoption adoption = Adoption.NONE;
    private static final String CANCELLED_BY_ALPACA = "cancelled by Alpaca";

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

    /** A resumed session: answers from {@code journal} while it is replayed, from Alpaca after. */
    public static BrokerFactory resuming(AlpacaRest rest, ClientOrderIds ids, JournalReplay journal, java.util.function.Consumer<AlpacaBroker> opened) {
        return factory(rest, ids, Set.of(), b -> {
            b.replay = journal;
            b.attached = false;
            opened.accept(b);
        });
    }

    /** Takes Alpaca's positions and orders that the journal does not hold as the account's own, at the next market event. */
    public void adopt(Adoption what) {
        this.adoption = what;
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
        boolean wasReplaying = replay.replaying();
        wiring.events().on(new OrderSubmitted(w.submitted, w.snapshot()));
        if (replay.replaying()) {
            Optional<OrderSnapshot> answer = answerFromJournal(w);
            if (answer.isPresent()) return answer.get();
        }
        attach();
        if (halted != null) return reject(w, halted);
        if (!slots.containsKey(request.symbol())) return reject(w, "unknown symbol " + request.symbol());
        AlpacaOrder o;
        try {
            // the journal ended with this submission: Alpaca may have it already
            o = rest.submit(request, w.clientOrderId, wasReplaying || unanswered.contains(w.clientOrderId));
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

    /**
     * Alpaca's answer to {@code w} as the journal holds it: accepted (with any fill booked at
     * once) or rejected; empty if the journal ran out first, so Alpaca is asked.
     */
    private Optional<OrderSnapshot> answerFromJournal(Working w) {
        while (replay.replaying()) {
            JsonNode line = replay.nextAtThisPosition().orElseThrow(() -> notInJournal(w, "nothing at this feed position"));
            String type = line.path("type").asText();
            if (isUnreachableHalt(line)) {
                haltAs(line.path("reason").asText());
                continue;
            }
            if (line.path("order").path("id").asLong(-1) != w.id) throw notInJournal(w, type);
            switch (type) {
                case "OrderAccepted" -> {
                    w.status = OrderStatus.ACCEPTED;
                    working.put(w.id, w);
                    byClientId.put(w.clientOrderId, w);
                    wiring.events().on(new OrderAccepted(now(), w.snapshot()));
                    fromJournal();
                    return Optional.of(w.snapshot());
                }
                case "OrderRejected" -> {
                    return Optional.of(reject(w, line.path("order").path("reason").asText()));
                }
                default -> throw notInJournal(w, type);
            }
        }
        return Optional.empty();
    }

    private static IllegalStateException notInJournal(Working w, String found) {
        return new IllegalStateException("the journal does not hold Alpaca's answer to order #" + w.id + " (" + w.clientOrderId
                + ") where the resumed session sent it (found: " + found + "); the script, the data or the engine differ from the ones this account was run with");
    }

    /**
     * While replaying: the fills, cancellations and expiries Alpaca reported that the journal
     * holds at this feed position, applied as they were then.
     */
    private void fromJournal() {
        for (Optional<JsonNode> next = replay.nextAtThisPosition(); next.isPresent(); next = replay.nextAtThisPosition()) {
            JsonNode line = next.get();
            if (isUnreachableHalt(line)) {
                haltAs(line.path("reason").asText());
                continue;
            }
            JsonNode o = line.path("order");
            Working w = working.get(o.path("id").asLong(-1));
            if (w == null || w.status == OrderStatus.NEW || !w.status.isWorking()) return;
            String reason = o.path("reason").asText("");
            switch (line.path("type").asText()) {
                case "OrderFilled" -> fill(w, line.path("fill").path("qty").asDouble(), line.path("fill").path("price").asDouble(),
                        OrderStatus.valueOf(o.path("status").asText()));
                case "OrderExpired" -> end(w, OrderStatus.EXPIRED, "");
                case "OrderRejected" -> end(w, OrderStatus.REJECTED, reason);
                case "OrderCancelled" -> {
                    if (!reason.startsWith(CANCELLED_BY_ALPACA)) return; // the loop's own cancel, still to come
                    end(w, OrderStatus.CANCELLED, reason);
                }
                default -> {
                    return;
                }
            }
        }
    }

    private static boolean isUnreachableHalt(JsonNode line) {
        return line.path("type").asText().equals("TradingStateChanged") && line.path("reason").asText().startsWith("trading halted: Alpaca unreachable");
    }

    private void haltAs(String reason) {
        halted = reason;
        wiring.events().on(new TradingStateChanged(now(), "HALTED", reason));
    }

    /**
     * Once the replay has caught up: each order the journal holds as working is found at Alpaca
     * by its client order id (following a replacement), and what happened to it meanwhile is booked.
     */
    private void attach() {
        if (attached) return;
        attached = true;
        for (Working w : List.copyOf(working.values())) {
            if (w.alpacaId != null) continue;
            try {
                Optional<AlpacaOrder> o = rest.currentOrder(w.clientOrderId);
                if (o.isEmpty()) {
                    end(w, OrderStatus.CANCELLED, "not found at Alpaca when the session resumed");
                    continue;
                }
                w.alpacaId = o.get().id();
                byClientId.put(o.get().clientOrderId(), w);
                catchUp(w, o.get());
            } catch (BrokerUnreachableException e) {
                halt(e.getMessage());
                return;
            }
        }
    }

    /** An order that ends without a fill: cancelled, expired or rejected, with the reason. */
    private void end(Working w, OrderStatus how, String reason) {
        working.remove(w.id);
        if (how == OrderStatus.REJECTED) {
            reject(w, reason);
            return;
        }
        w.status = how;
        wiring.events().on(how == OrderStatus.EXPIRED ? new OrderExpired(now(), w.snapshot()) : new OrderCancelled(now(), w.snapshot(), reason));
    }

    public boolean isHalted() {
        return halted != null;
    }

    /** The operator resumed trading after a halt: the next order tries Alpaca again (and halts again if it is still out of reach). */
    @Override
    public void tradingResumed() {
        halted = null;
    }

    @Override
    public boolean cancel(long orderId, String reason) {
        Working w = working.get(orderId);
        if (w == null || !w.status.isWorking()) return false;
        if (replay.replaying()) {
            JsonNode line = replay.nextAtThisPosition().orElse(null);
            if (line != null && isUnreachableHalt(line)) haltAs(line.path("reason").asText());
            if (line == null || !line.path("type").asText().equals("OrderCancelled") || line.path("order").path("id").asLong(-1) != orderId) return false;
            end(w, OrderStatus.CANCELLED, reason);
            return true;
        }
        attach();
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
        if (replay.replaying()) {
            JsonNode line = replay.nextAtThisPosition().orElse(null);
            if (line != null && isUnreachableHalt(line)) haltAs(line.path("reason").asText());
            if (line == null || !line.path("type").asText().equals("OrderReplaced") || line.path("order").path("id").asLong(-1) != orderId) return false;
            w.request = r;
            wiring.events().on(new OrderReplaced(now(), w.snapshot()));
            return true;
        }
        attach();
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
    public Optional<String> venue() {
        return Optional.of("Alpaca");
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
                wiring.events().on(new OrderCancelled(now(), w.snapshot(), CANCELLED_BY_ALPACA + " (" + o.alpacaStatus() + ")"));
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
        if (replay.replaying()) {
            adoptedFromJournal();
            fromJournal(); // what the stream brings meanwhile waits until the replay has caught up
            return;
        }
        attach();
        bookAdoption();
        for (Runnable r = inbox.poll(); r != null; r = inbox.poll()) r.run();
    }

    /**
     * The adopted state booked in the journal: each position a market order filled at once at
     * Alpaca's average entry price, each working order an order the session follows from now on.
     */
    private void bookAdoption() {
        Adoption what = adoption;
        adoption = Adoption.NONE;
        for (Adoption.Position p : what.positions()) {
            if (!slots.containsKey(p.symbol())) {
                note("not adopted: Alpaca's position " + p.symbol() + " " + p.qty() + " is in a symbol this session does not trade");
                continue;
            }
            Working w = new Working(nextId++, "", OrderRequest.market(p.symbol(), p.qty() > 0 ? Side.BUY : Side.SELL, Math.abs(p.qty()),
                    ExitReason.ADOPTED_TAG), now());
            note("adopted Alpaca's position " + p.symbol() + " " + p.qty() + " at " + p.avgPrice() + " as order #" + w.id);
            adoptWorking(w);
            fill(w, w.request.qty(), p.avgPrice(), OrderStatus.FILLED);
        }
        for (Adoption.Order o : what.orders()) {
            if (!slots.containsKey(o.request().symbol())) {
                note("not adopted: Alpaca's order " + o.clientOrderId() + " is in a symbol this session does not trade");
                continue;
            }
            Working w = new Working(nextId++, o.clientOrderId(), withTag(o.request(), ExitReason.ADOPTED_TAG + ":" + o.clientOrderId()), now());
            w.filledQty = o.filledQty(); // what it filled before is in Alpaca's position already
            w.avgPrice = o.avgFillPrice();
            note("adopted Alpaca's working order " + o.clientOrderId() + " as order #" + w.id);
            adoptWorking(w);
            attached = false; // it is found at Alpaca by its client order id, as a resumed order is
        }
    }

    private void adoptWorking(Working w) {
        wiring.events().on(new OrderSubmitted(w.submitted, w.snapshot()));
        w.status = w.filledQty > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
        working.put(w.id, w);
        if (!w.clientOrderId.isEmpty()) byClientId.put(w.clientOrderId, w);
        wiring.events().on(new OrderAccepted(now(), w.snapshot()));
    }

    /** While replaying: the adoption the journal holds at this feed position, booked again as it was. */
    private void adoptedFromJournal() {
        for (Optional<JsonNode> next = replay.nextAtThisPosition(); next.isPresent(); next = replay.nextAtThisPosition()) {
            JsonNode line = next.get();
            String type = line.path("type").asText();
            if (type.equals("Note") && line.path("message").asText().startsWith("adopted ")) {
                wiring.events().on(new Note(now(), line.path("message").asText()));
                continue;
            }
            if (!type.equals("OrderSubmitted") || !ExitReason.isAdopted(line.path("order").path("tag").asText(null))) return;
            OrderRequest r = JournalOrders.request(line.path("order"));
            String tag = r.tag();
            Working w = new Working(nextId++, tag.equals(ExitReason.ADOPTED_TAG) ? "" : tag.substring(ExitReason.ADOPTED_TAG.length() + 1), r, now());
            if (line.path("order").path("id").asLong(-1) != w.id) throw notInJournal(w, "order #" + line.path("order").path("id").asLong(-1) + " adopted");
            w.filledQty = line.path("order").path("filledQty").asDouble();
            w.avgPrice = line.path("order").path("avgFillPrice").isNumber() ? line.path("order").path("avgFillPrice").asDouble() : Double.NaN;
            adoptWorking(w);
            if (r.type() == io.tradeshell.engine.order.OrderType.MARKET) {
                JsonNode filled = replay.nextAtThisPosition().orElseThrow(() -> notInJournal(w, "no fill of the adopted position"));
                fill(w, filled.path("fill").path("qty").asDouble(), filled.path("fill").path("price").asDouble(), OrderStatus.FILLED);
            } else {
                attached = false;
            }
        }
    }

    private static OrderRequest withTag(OrderRequest r, String tag) {
        return new OrderRequest(r.symbol(), r.side(), r.qty(), r.type(), r.limitPrice(), r.stopPrice(), r.tif(), tag, 0);
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
