package io.tradeshell.brokers.oanda;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.brokers.BrokerHttpException;
import io.tradeshell.brokers.BrokerUnreachableException;
import io.tradeshell.brokers.Secrets;
import io.tradeshell.brokers.VenueBroker;
import io.tradeshell.engine.broker.BrokerFactory;
import io.tradeshell.engine.broker.JournalReplay;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderStatus;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The {@link io.tradeshell.engine.broker.Broker} port at OANDA (v20). Orders carry client ids
 * derived from the journal ({@code ts-ACCOUNT-N}) in their client extensions, so a resumed
 * session finds an order it sent before a crash instead of sending it twice. A market order is
 * fill-or-kill: OANDA answers with its fill or its cancellation at once, booked as the answer
 * comes; fills of pending orders come as {@code ORDER_FILL} transactions ({@link #onTransaction}). The journal replay on a
 * resume, the halt and the adoption are the same at every broker ({@link VenueBroker}).
 */
public final class OandaBroker extends VenueBroker {
    private final OandaRest rest;
    private final String prefix;
    private final Set<String> applied = new HashSet<>();
    /** The newest transaction id heard of (in an answer, a stream line or a heartbeat): where a catch-up starts. */
    private final AtomicLong lastTransaction = new AtomicLong(-1);

    public OandaBroker(OandaRest rest, String account, Set<String> unanswered, BrokerFactory.Wiring wiring) {
        super("OANDA", unanswered, wiring);
        this.rest = rest;
        this.prefix = clientIdPrefix(account);
    }

    /** Client ids of the account's orders begin with this: {@code ts-ACCOUNT-}. */
    public static String clientIdPrefix(String account) {
        return "ts-" + account.replaceAll("[^A-Za-z0-9_-]", "_") + "-";
    }

    /** The broker of a new session; {@code opened} hears it once the loop has opened it (to start its transactions stream). */
    public static BrokerFactory factory(OandaRest rest, String account, Consumer<OandaBroker> opened) {
        return w -> {
            OandaBroker b = new OandaBroker(rest, account, Set.of(), w);
            opened.accept(b);
            return b;
        };
    }

    /** A resumed session: answers from {@code journal} while it is replayed, from OANDA after. */
    public static BrokerFactory resuming(OandaRest rest, String account, JournalReplay journal, Consumer<OandaBroker> opened) {
        return factory(rest, account, b -> {
            b.resumeFrom(journal);
            opened.accept(b);
        });
    }

    @Override
    protected String clientId(long orderId) {
        return prefix + orderId;
    }

    @Override
    protected Secrets secrets() {
        return rest.secrets();
    }

    @Override
    protected Optional<Runnable> send(Working w, boolean mayExist) {
        JsonNode answer = rest.submit(w.request, w.clientId, mayExist);
        heard(answer.path("lastTransactionID"));
        if (answer.has("order")) {
            // OANDA had it already (its answer was lost to a crash): what became of it is asked for
            JsonNode order = answer.get("order");
            w.venueId = order.path("id").asText();
            knownAs(w.venueId, w);
            return Optional.of(() -> catchUp(order));
        }
        w.venueId = answer.path("orderCreateTransaction").path("id").asText();
        knownAs(w.venueId, w);
        // a market order's fill (or its cancellation) is in the answer: booked now, as the stream's copy will not be
        return Optional.of(() -> {
            for (String t : new String[] {"orderFillTransaction", "orderCancelTransaction"}) {
                if (answer.has(t)) {
                    heard(answer.get(t).path("id"));
                    apply(answer.get(t));
                }
            }
        });
    }

    @Override
    protected boolean cancelAtVenue(Working w) {
        try {
            rest.cancel(w.venueId);
            return true;
        } catch (BrokerHttpException e) {
            return false;
        }
    }

    @Override
    protected boolean replaceAtVenue(Working w, OrderRequest r) {
        // OANDA's replacement is a new order for what is left to fill
        JsonNode answer = rest.replace(w.venueId, r.withQtyAndPrices(r.qty() - w.filledQty, r.limitPrice(), r.stopPrice()), w.clientId);
        forget(w.venueId);
        w.venueId = answer.path("orderCreateTransaction").path("id").asText();
        knownAs(w.venueId, w);
        return true;
    }

    @Override
    protected boolean findAtVenue(Working w) {
        Optional<JsonNode> found = rest.orderByClientId(w.clientId);
        if (found.isEmpty()) return false;
        JsonNode order = found.get().path("order");
        heard(found.get().path("lastTransactionID"));
        w.venueId = order.path("id").asText();
        knownAs(w.venueId, w);
        catchUp(order);
        return true;
    }

    /** Books what became of an order while the session did not hear: the transaction that filled or cancelled it. */
    private void catchUp(JsonNode order) {
        String ending = switch (order.path("state").asText()) {
            case "FILLED" -> order.path("fillingTransactionID").asText("");
            case "CANCELLED" -> order.path("cancellingTransactionID").asText("");
            default -> "";
        };
        if (!ending.isEmpty()) apply(rest.transaction(ending));
    }

    /** A transaction from an answer or from the transactions stream (any thread): applied at the loop's next market event. */
    public void onTransaction(JsonNode t) {
        heard(t.path("id"));
        later(() -> apply(t));
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
        later(() -> {
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
        Optional<Working> known = known(t.path("orderID").asText());
        if (known.isEmpty() || !known.get().status.isWorking()) return;
        Working w = known.get();
        switch (t.path("type").asText()) {
            case "ORDER_FILL" -> fill(w, Math.abs(t.path("units").asDouble()), t.path("price").asDouble(), Math.abs(t.path("commission").asDouble(0)),
                    OrderStatus.PARTIALLY_FILLED);
            case "ORDER_CANCEL" -> end(w, OrderStatus.CANCELLED, cancelledByVenue() + " (" + t.path("reason").asText() + ")");
            default -> { }
        }
    }
}
