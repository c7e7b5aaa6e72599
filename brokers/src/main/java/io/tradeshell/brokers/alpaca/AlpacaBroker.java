package io.tradeshell.brokers.alpaca;

import io.tradeshell.brokers.BrokerHttpException;
import io.tradeshell.brokers.BrokerUnreachableException;
import io.tradeshell.brokers.Secrets;
import io.tradeshell.brokers.VenueBroker;
import io.tradeshell.engine.broker.BrokerFactory;
import io.tradeshell.engine.broker.JournalReplay;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderStatus;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@link io.tradeshell.engine.broker.Broker} port at Alpaca. Each order carries the client
 * order id {@link ClientOrderIds} derives from its number in the journal; fills come from the
 * {@code trade_updates} stream ({@link #onTradeUpdate}), and after the stream reconnects each
 * working order's state is asked for ({@link #resynchronise}). The journal replay on a resume,
 * the halt and the adoption are the same at every broker ({@link VenueBroker}).
 */
public final class AlpacaBroker extends VenueBroker {
    private final AlpacaRest rest;
    private final ClientOrderIds ids;

    /**
     * @param unanswered client order ids the journal holds as submitted with no answer from Alpaca
     */
    public AlpacaBroker(AlpacaRest rest, ClientOrderIds ids, Set<String> unanswered, BrokerFactory.Wiring wiring) {
        super("Alpaca", unanswered, wiring);
        this.rest = rest;
        this.ids = ids;
    }

    public static BrokerFactory factory(AlpacaRest rest, ClientOrderIds ids, Set<String> unanswered, Consumer<AlpacaBroker> opened) {
        return w -> {
            AlpacaBroker b = new AlpacaBroker(rest, ids, unanswered, w);
            opened.accept(b);
            return b;
        };
    }

    /** A resumed session: answers from {@code journal} while it is replayed, from Alpaca after. */
    public static BrokerFactory resuming(AlpacaRest rest, ClientOrderIds ids, JournalReplay journal, Consumer<AlpacaBroker> opened) {
        return factory(rest, ids, Set.of(), b -> {
            b.resumeFrom(journal);
            opened.accept(b);
        });
    }

    @Override
    protected String clientId(long orderId) {
        return ids.of(orderId);
    }

    @Override
    protected Secrets secrets() {
        return rest.secrets();
    }

    @Override
    protected Optional<Runnable> send(Working w, boolean mayExist) {
        AlpacaOrder o = rest.submit(w.request, w.clientId, mayExist);
        if (o.status() == OrderStatus.REJECTED) return Optional.empty();
        w.venueId = o.id();
        knownAs(w.clientId, w);
        // an order found after a crash may have filled meanwhile: the fills come from its state
        return Optional.of(() -> {
            if (o.filledQty() > 0) catchUp(w, o);
        });
    }

    @Override
    protected boolean cancelAtVenue(Working w) {
        try {
            rest.cancel(w.venueId);
            return true;
        } catch (BrokerHttpException e) {
            if (e.status() == 422 || e.status() == 404) return false; // filled or gone already
            throw e;
        }
    }

    @Override
    protected boolean replaceAtVenue(Working w, OrderRequest r) {
        AlpacaOrder o = rest.replace(w.venueId, r.qty(), r.limitPrice(), r.stopPrice(), ids.replacement(w.clientId, w.venueId));
        knownAs(o.clientOrderId(), w);
        w.venueId = o.id();
        return true;
    }

    @Override
    protected boolean findAtVenue(Working w) {
        Optional<AlpacaOrder> o = rest.currentOrder(w.clientId);
        if (o.isEmpty()) return false;
        w.venueId = o.get().id();
        knownAs(w.clientId, w);
        knownAs(o.get().clientOrderId(), w);
        catchUp(w, o.get());
        return true;
    }

    /** From the stream's thread: kept until the loop's next market event. */
    public void onTradeUpdate(TradeUpdate u) {
        later(() -> apply(u));
    }

    /**
     * After the stream reconnected: asks Alpaca for each working order's state, so fills and
     * cancellations that happened while the stream was down are not lost.
     */
    public void resynchronise() {
        later(() -> {
            for (Working w : workingOrders()) {
                try {
                    catchUp(w, rest.order(w.venueId));
                } catch (BrokerUnreachableException e) {
                    halt(e.getMessage());
                    return;
                }
            }
        });
    }

    private void apply(TradeUpdate u) {
        Optional<Working> known = known(u.order().clientOrderId());
        if (known.isEmpty()) return; // not an order of this session
        Working w = known.get();
        if (u.isFill()) {
            double qty = u.qty();
            if (!(qty > 0)) qty = u.order().filledQty() - w.filledQty;
            if (u.order().filledQty() <= w.filledQty + 1e-12) return; // already booked (by a resynchronisation)
            fill(w, qty, Double.isNaN(u.price()) ? u.order().filledAvgPrice() : u.price(), 0, u.order().status());
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
            fill(w, more, (o.filledAvgPrice() * o.filledQty() - before) / more, 0, o.status());
        }
        ended(w, o);
    }

    private void ended(Working w, AlpacaOrder o) {
        if (!w.status.isWorking() || !o.id().equals(w.venueId)) return; // ended already, or news of an order since replaced
        switch (o.status()) {
            case CANCELLED -> end(w, OrderStatus.CANCELLED, cancelledByVenue() + " (" + o.alpacaStatus() + ")");
            case EXPIRED -> end(w, OrderStatus.EXPIRED, "");
            case REJECTED -> end(w, OrderStatus.REJECTED, "rejected by Alpaca");
            default -> { }
        }
    }
}
