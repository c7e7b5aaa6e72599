package io.tradeshell.brokers;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.broker.Broker;
import io.tradeshell.engine.broker.BrokerFactory;
import io.tradeshell.engine.broker.JournalReplay;
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
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.order.OrderType;
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
 * The {@link Broker} port at a real broker, whatever its API: orders are numbered like the
 * simulated broker's, in the journal's sequence, and each carries a client id derived from
 * that number, so an order sent again after a crash is recognised, not duplicated. A subclass
 * speaks its broker's API (send, cancel, replace, find an order by its client id); this class
 * keeps the book of working orders and everything that must be the same at every broker.
 *
 * <p>What the broker reports from its own threads waits in a queue and is handed to the loop
 * on its thread at the next market event, so the run stays single-threaded. When the broker
 * cannot be reached for longer than the limit, trading halts: the halt is an event (journaled,
 * alerted) and every later order is refused with the reason.
 *
 * <p>On a resumed session the journal is re-run first ({@link JournalReplay}): while it is,
 * nothing is sent, and every order, cancel and fill is answered from the journal's lines, so
 * the account comes back exactly; once the replay has caught up, each working order is found at
 * the broker by its client id and what happened meanwhile is booked. An order whose submission
 * is the journal's last line (a crash before the broker's answer was written) is looked up by
 * that id before anything is sent, so it is never sent twice.
 *
 * <p>What the user adopts from the broker at start-up ({@link #adopt}) becomes the account's own
 * at the first market event: each position a fill at the broker's average entry price, each
 * working order an order the session follows, all tagged {@code adopted}; a position the journal
 * holds and the broker does not is closed in the journal at its entry price, tagged
 * {@code adjusted}, with a note saying why. A resume re-runs those lines like any other.
 */
public abstract class VenueBroker implements Broker {
    private final String venue;
    private final Set<String> unanswered;
    protected final BrokerFactory.Wiring wiring;
    private final Map<String, Integer> slots = new HashMap<>();
    private final Map<Long, Working> working = new LinkedHashMap<>();
    /** Orders by the key the broker's reports name them by (a client id, or the broker's own id). */
    private final Map<String, Working> byKey = new HashMap<>();
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private long nextId = 1;
    private String halted;
    private JournalReplay replay = JournalReplay.NONE;
    /** Whether the working orders replayed from the journal have been found at the broker. */
    private boolean attached = true;
    private Adoption adoption = Adoption.NONE;

    /** One order the loop knows at the broker. */
    protected static final class Working {
        public final long id;
        public final String clientId;
        public final long submitted;
        public OrderRequest request;
        /** The broker's id of the order (of its replacement, once replaced); null until the broker has answered. */
        public String venueId;
        public OrderStatus status = OrderStatus.NEW;
        public double filledQty, avgPrice = Double.NaN;

        Working(long id, String clientId, OrderRequest request, long submitted) {
            this.id = id;
            this.clientId = clientId;
            this.request = request;
            this.submitted = submitted;
        }

        OrderSnapshot snapshot() {
            return new OrderSnapshot(id, request, submitted, status, filledQty, avgPrice);
        }
    }

    /**
     * @param venue      the broker's name in messages and journal lines: {@code Alpaca}, {@code OANDA}
     * @param unanswered client ids the journal holds as submitted with no answer from the broker
     */
    protected VenueBroker(String venue, Set<String> unanswered, BrokerFactory.Wiring wiring) {
        this.venue = venue;
        this.unanswered = Set.copyOf(unanswered);
        this.wiring = wiring;
        for (int k = 0; k < wiring.symbols().size(); k++) slots.put(wiring.symbols().get(k), k);
    }

    /** The client id the order numbered {@code orderId} goes to the broker with. */
    protected abstract String clientId(long orderId);

    /**
     * Sends {@code w}; at most once when {@code mayExist} (the broker may have it already: look
     * it up by its client id first). On acceptance sets {@code w.venueId} and returns what to
     * book after the acceptance (fills the answer carried); empty when the broker rejected it.
     *
     * @throws BrokerHttpException        the broker refused the request
     * @throws BrokerUnreachableException the broker stayed out of reach too long
     */
    protected abstract Optional<Runnable> send(Working w, boolean mayExist);

    /** Asks the broker to cancel; false if it is filled or gone already. */
    protected abstract boolean cancelAtVenue(Working w);

    /** Replaces the working order {@code w} by {@code r} at the broker (setting {@code w.venueId} to the new order's id); false if refused. */
    protected abstract boolean replaceAtVenue(Working w, OrderRequest r);

    /**
     * Finds a working order of the journal at the broker by its client id, once a resume has
     * caught up (or an adopted order), and books what happened to it meanwhile; false if the broker does not know it.
     */
    protected abstract boolean findAtVenue(Working w);

    /** The credentials to scrub from any text the broker sends back before it reaches a message or the journal. */
    protected abstract Secrets secrets();

    /** Takes the broker's positions and orders, and its word on positions the journal holds alone, at the next market event. */
    public void adopt(Adoption what) {
        this.adoption = what;
    }

    /** A resumed session: answers from {@code journal} while it is replayed, from the broker after. */
    protected void resumeFrom(JournalReplay journal) {
        this.replay = journal;
        this.attached = false;
    }

    /** Continues numbering after the orders of an earlier session. */
    public void continueIdsAfter(long lastId) {
        nextId = Math.max(nextId, lastId + 1);
    }

    protected long now() {
        return wiring.clock().now();
    }

    /** The order the broker's reports name by {@code key}, if this session follows it. */
    protected Optional<Working> known(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** From now on the broker's reports name {@code w} by {@code key}. */
    protected void knownAs(String key, Working w) {
        byKey.put(key, w);
    }

    /** The broker's reports no longer name {@code w} by {@code key} (an order it replaced). */
    protected void forget(String key) {
        byKey.remove(key);
    }

    /** The orders still working, oldest first. */
    protected List<Working> workingOrders() {
        return List.copyOf(working.values());
    }

    /** Runs {@code r} on the loop's thread at the next market event (from any thread). */
    protected void later(Runnable r) {
        inbox.add(r);
    }

    @Override
    public OrderSnapshot submit(OrderRequest request) {
        long id = nextId++;
        Working w = new Working(id, clientId(id), request, now());
        boolean wasReplaying = replay.replaying();
        wiring.events().on(new OrderSubmitted(w.submitted, w.snapshot()));
        if (replay.replaying()) {
            Optional<OrderSnapshot> answer = answerFromJournal(w);
            if (answer.isPresent()) return answer.get();
        }
        attach();
        if (halted != null) return reject(w, halted);
        if (!slots.containsKey(request.symbol())) return reject(w, "unknown symbol " + request.symbol());
        Optional<Runnable> after;
        try {
            // the journal ended with this submission: the broker may have it already
            after = send(w, wasReplaying || unanswered.contains(w.clientId));
        } catch (BrokerHttpException e) {
            return reject(w, "rejected by " + venue + ": " + secrets().scrub(e.getMessage()));
        } catch (BrokerUnreachableException e) {
            halt(e.getMessage());
            return reject(w, halted);
        }
        if (after.isEmpty()) return reject(w, "rejected by " + venue);
        working.put(id, w);
        w.status = OrderStatus.ACCEPTED;
        wiring.events().on(new OrderAccepted(now(), w.snapshot()));
        after.get().run();
        return w.snapshot();
    }

    private OrderSnapshot reject(Working w, String reason) {
        w.status = OrderStatus.REJECTED;
        wiring.events().on(new OrderRejected(now(), w.snapshot(), reason));
        return w.snapshot();
    }

    /** The halt after the broker stayed out of reach too long: one event, then every order refused. */
    protected void halt(String why) {
        if (halted != null) return;
        halted = unreachable() + " (" + secrets().scrub(why) + ")";
        wiring.events().on(new TradingStateChanged(now(), "HALTED", halted));
    }

    private String unreachable() {
        return "trading halted: " + venue + " unreachable";
    }

    /**
     * The broker's answer to {@code w} as the journal holds it: accepted (with any fill booked at
     * once) or rejected; empty if the journal ran out first, so the broker is asked.
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
                    byKey.put(w.clientId, w);
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

    private IllegalStateException notInJournal(Working w, String found) {
        return new IllegalStateException("the journal does not hold " + venue + "'s answer to order #" + w.id + " (" + w.clientId
                + ") where the resumed session sent it (found: " + found + "); the script, the data or the engine differ from the ones this account was run with");
    }

    /**
     * While replaying: the fills, cancellations and expiries the broker reported that the journal
     * holds at this feed position, applied as they were then.
     */
    private void fromJournal() {
        for (Optional<JsonNode> next = replay.nextAtThisPosition(); next.isPresent(); next = replay.nextAtThisPosition()) {
            JsonNode line = next.get();
            if (isUnreachableHalt(line)) {
                haltAs(line.path("reason").asText());
                continue;
            }
            if (streamNoteFromJournal(line)) continue;
            JsonNode o = line.path("order");
            Working w = working.get(o.path("id").asLong(-1));
            if (w == null || w.status == OrderStatus.NEW || !w.status.isWorking()) return;
            String reason = o.path("reason").asText("");
            switch (line.path("type").asText()) {
                case "OrderFilled" -> {
                    JsonNode f = line.path("fill");
                    fill(w, f.path("qty").asDouble(), f.path("price").asDouble(), f.path("commission").asDouble(0), OrderStatus.valueOf(o.path("status").asText()));
                }
                case "OrderExpired" -> end(w, OrderStatus.EXPIRED, "");
                case "OrderRejected" -> end(w, OrderStatus.REJECTED, reason);
                case "OrderCancelled" -> {
                    if (!reason.startsWith(cancelledByVenue())) return; // the loop's own cancel, still to come
                    end(w, OrderStatus.CANCELLED, reason);
                }
                default -> {
                    return;
                }
            }
        }
    }

    /** How a cancellation the broker made (not the loop) begins: {@code cancelled by Alpaca}. */
    protected String cancelledByVenue() {
        return "cancelled by " + venue;
    }

    private boolean isUnreachableHalt(JsonNode line) {
        return line.path("type").asText().equals("TradingStateChanged") && line.path("reason").asText().startsWith(unreachable());
    }

    private void haltAs(String reason) {
        halted = reason;
        wiring.events().on(new TradingStateChanged(now(), "HALTED", reason));
    }

    /** The next journal line, while replaying, if it is the loop's own {@code type} of step on order {@code orderId}. */
    private boolean journalHolds(String type, long orderId) {
        JsonNode line = replay.nextAtThisPosition().orElse(null);
        if (line != null && isUnreachableHalt(line)) haltAs(line.path("reason").asText());
        return line != null && line.path("type").asText().equals(type) && line.path("order").path("id").asLong(-1) == orderId;
    }

    /**
     * Once the replay has caught up: each order the journal holds as working is found at the
     * broker by its client id, and what happened to it meanwhile is booked.
     */
    private void attach() {
        if (attached) return;
        attached = true;
        for (Working w : List.copyOf(working.values())) {
            if (w.venueId != null) continue;
            try {
                if (!findAtVenue(w)) end(w, OrderStatus.CANCELLED, "not found at " + venue + " when the session resumed");
            } catch (BrokerUnreachableException e) {
                halt(e.getMessage());
                return;
            }
        }
    }

    /** An order that ends without a fill: cancelled, expired or rejected, with the reason. */
    protected void end(Working w, OrderStatus how, String reason) {
        if (!w.status.isWorking()) return;
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

    /** The operator resumed trading after a halt: the next order tries the broker again (and halts again if it is still out of reach). */
    @Override
    public void tradingResumed() {
        halted = null;
    }

    @Override
    public boolean cancel(long orderId, String reason) {
        Working w = working.get(orderId);
        if (w == null || !w.status.isWorking()) return false;
        if (replay.replaying()) {
            if (!journalHolds("OrderCancelled", orderId)) return false;
            end(w, OrderStatus.CANCELLED, reason);
            return true;
        }
        attach();
        try {
            if (!cancelAtVenue(w)) return false;
        } catch (BrokerUnreachableException e) {
            halt(e.getMessage());
            return false;
        }
        end(w, OrderStatus.CANCELLED, reason);
        return true;
    }

    @Override
    public boolean replace(long orderId, double qty, double limitPrice, double stopPrice) {
        Working w = working.get(orderId);
        if (w == null || !w.status.isWorking() || qty <= w.filledQty) return false;
        OrderRequest r = w.request.withQtyAndPrices(qty, limitPrice, stopPrice);
        if (r.equals(w.request)) return true;
        if (replay.replaying()) {
            if (!journalHolds("OrderReplaced", orderId)) return false;
        } else {
            attach();
            try {
                if (!replaceAtVenue(w, r)) return false;
            } catch (BrokerHttpException e) {
                return false;
            } catch (BrokerUnreachableException e) {
                halt(e.getMessage());
                return false;
            }
        }
        w.request = r;
        wiring.events().on(new OrderReplaced(now(), w.snapshot()));
        return true;
    }

    @Override
    public Optional<String> venue() {
        return Optional.of(venue);
    }

    @Override
    public List<OrderSnapshot> openOrders() {
        List<OrderSnapshot> out = new ArrayList<>();
        for (Working w : working.values()) if (w.status.isWorking()) out.add(w.snapshot());
        return out;
    }

    /** Books an execution the broker reported: {@code after} is the order's status by the broker's word. */
    protected void fill(Working w, double qty, double price, double commission, OrderStatus after) {
        double total = w.filledQty + qty;
        w.avgPrice = Double.isNaN(w.avgPrice) ? price : (w.avgPrice * w.filledQty + price * qty) / total;
        w.filledQty = total;
        w.status = after == OrderStatus.FILLED || total >= w.request.qty() - 1e-9 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        if (!w.status.isWorking()) working.remove(w.id);
        long t = now();
        Fill f = new Fill(w.id, w.request.symbol(), w.request.side(), qty, price, commission, t, w.request.tag());
        wiring.events().on(new OrderFilled(t, w.snapshot(), f));
        wiring.fills().onFill(slots.get(w.request.symbol()), f);
    }

    /** Hands over what the broker reported, on the loop's thread. */
    private void drain() {
        if (replay.replaying()) {
            adoptedFromJournal();
            fromJournal(); // what the broker reports meanwhile waits until the replay has caught up
            return;
        }
        attach();
        bookAdoption();
        for (Runnable r = inbox.poll(); r != null; r = inbox.poll()) r.run();
    }

    /**
     * The adopted state booked in the journal: each position a market order filled at once at
     * the broker's average entry price, each working order an order the session follows from now
     * on, each position the broker no longer holds closed at the journal's own entry price.
     */
    private void bookAdoption() {
        Adoption what = adoption;
        adoption = Adoption.NONE;
        String theirs = venue + "'s";
        for (Adoption.Position p : what.closed()) {
            if (!slots.containsKey(p.symbol())) continue;
            Working w = booking(p, ExitReason.ADJUSTED_TAG);
            noteNow("adjusted: the journal held " + p.symbol() + " " + -p.qty() + " and " + venue + " holds none; closed in the journal at its entry price "
                    + p.avgPrice() + " as order #" + w.id + " (" + venue + "'s state adopted)");
            adoptWorking(w);
            fill(w, w.request.qty(), p.avgPrice(), 0, OrderStatus.FILLED);
        }
        for (Adoption.Position p : what.positions()) {
            if (!slots.containsKey(p.symbol())) {
                noteNow("not adopted: " + theirs + " position " + p.symbol() + " " + p.qty() + " is in a symbol this session does not trade");
                continue;
            }
            Working w = booking(p, ExitReason.ADOPTED_TAG);
            noteNow("adopted " + theirs + " position " + p.symbol() + " " + p.qty() + " at " + p.avgPrice() + " as order #" + w.id);
            adoptWorking(w);
            fill(w, w.request.qty(), p.avgPrice(), 0, OrderStatus.FILLED);
        }
        for (Adoption.Order o : what.orders()) {
            if (!slots.containsKey(o.request().symbol())) {
                noteNow("not adopted: " + theirs + " order " + o.clientOrderId() + " is in a symbol this session does not trade");
                continue;
            }
            Working w = new Working(nextId++, o.clientOrderId(), withTag(o.request(), ExitReason.ADOPTED_TAG + ":" + o.clientOrderId()), now());
            w.filledQty = o.filledQty(); // what it filled before is in the broker's position already
            w.avgPrice = o.avgFillPrice();
            noteNow("adopted " + theirs + " working order " + o.clientOrderId() + " as order #" + w.id);
            adoptWorking(w);
            attached = false; // it is found at the broker by its client id, as a resumed order is
        }
    }

    private Working booking(Adoption.Position p, String tag) {
        return new Working(nextId++, "", OrderRequest.market(p.symbol(), p.qty() > 0 ? Side.BUY : Side.SELL, Math.abs(p.qty()), tag), now());
    }

    private void adoptWorking(Working w) {
        wiring.events().on(new OrderSubmitted(w.submitted, w.snapshot()));
        w.status = w.filledQty > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
        working.put(w.id, w);
        if (!w.clientId.isEmpty()) byKey.put(w.clientId, w);
        wiring.events().on(new OrderAccepted(now(), w.snapshot()));
    }

    /** While replaying: the adoption the journal holds at this feed position, booked again as it was. */
    private void adoptedFromJournal() {
        for (Optional<JsonNode> next = replay.nextAtThisPosition(); next.isPresent(); next = replay.nextAtThisPosition()) {
            JsonNode line = next.get();
            String type = line.path("type").asText();
            String message = line.path("message").asText();
            if (streamNoteFromJournal(line)) continue;
            if (type.equals("Note") && (message.startsWith("adopted ") || message.startsWith("adjusted: "))) {
                wiring.events().on(new Note(now(), message));
                continue;
            }
            if (!type.equals("OrderSubmitted") || !ExitReason.isBrokerBooking(line.path("order").path("tag").asText(null))) return;
            OrderRequest r = JournalOrders.request(line.path("order"));
            String tag = r.tag();
            Working w = new Working(nextId++, tag.contains(":") ? tag.substring(tag.indexOf(':') + 1) : "", r, now());
            if (line.path("order").path("id").asLong(-1) != w.id) throw notInJournal(w, "order #" + line.path("order").path("id").asLong(-1) + " adopted");
            w.filledQty = line.path("order").path("filledQty").asDouble();
            w.avgPrice = line.path("order").path("avgFillPrice").isNumber() ? line.path("order").path("avgFillPrice").asDouble() : Double.NaN;
            adoptWorking(w);
            if (r.type() == OrderType.MARKET) {
                JsonNode filled = replay.nextAtThisPosition().orElseThrow(() -> notInJournal(w, "no fill of the adopted position"));
                fill(w, filled.path("fill").path("qty").asDouble(), filled.path("fill").path("price").asDouble(), 0, OrderStatus.FILLED);
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

    /**
     * Writes a note on the journal (a stream dropped and reconnected) at the loop's next market
     * event; any thread. It is said as the broker's ({@code OANDA: ...}), so a resume, which
     * cannot make the stream drop again where it did, re-writes it from the journal.
     */
    public void note(String message) {
        later(() -> noteNow(venue + ": " + message));
    }

    /** While replaying: the journal's next line is a note of this broker's about its streams, written again as it was. */
    private boolean streamNoteFromJournal(JsonNode line) {
        if (!line.path("type").asText().equals("Note") || !line.path("message").asText().startsWith(venue + ": ")) return false;
        wiring.events().on(new Note(now(), line.path("message").asText()));
        return true;
    }

    private void noteNow(String message) {
        wiring.events().on(new Note(now(), secrets().scrub(message)));
    }

    @Override public void onBar(int slot, long openTime, double open, double high, double low, double volume) { drain(); }
    @Override public void onOpen(int slot, long openTime, double open, double volume) { drain(); }
    @Override public void onTick(int slot, long time, double price, double amount) { drain(); }
    @Override public void settleWaitingBuys() { drain(); }
}
