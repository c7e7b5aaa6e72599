package io.tradeshell.engine.execution.algo;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.events.TradingEvent.ParentOrderUpdated;
import io.tradeshell.engine.execution.ExecutionAlgo;
import io.tradeshell.engine.order.ParentOrderRequest;
import io.tradeshell.engine.order.ParentOrderSnapshot;
import io.tradeshell.engine.order.ParentStatus;
import io.tradeshell.engine.model.BarSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Works a run's parent orders. The event loop tells it when a bar closes and when a trade
 * prints; after each, every working parent of that symbol sends what its schedule has made due
 * as a plain market order through the symbol's route (so children pass the risk check and
 * reach whatever broker the run has). Its decisions depend only on the run clock and the
 * bars and trades already seen, so a backtest, a live replay and a paper session (a resumed one
 * too, which replays the feed) work a parent the same way. Each step is an event, so the
 * journal holds the parent's state.
 *
 * <pre>
 *   strategy --start--> AlgoDesk --children--> ChildRoute (risk check -> broker)
 *   loop ----bar/trade--^    ^------fills------ loop
 * </pre>
 */
public final class AlgoDesk {
    private final EventListener events;
    private final LongSupplier clock;
    private final double lot;
    private final boolean volumeFromTrades;
    private final List<ParentOrder> parents = new ArrayList<>();
    /** The parent sending a child right now: a child filled inside its own submit is not yet known by id. */
    private ParentOrder sending;

    /**
     * @param volumeFromTrades true when the feed delivers trades: participation counts their
     *                         amounts, not the bars built from them
     */
    public AlgoDesk(EventListener events, LongSupplier clock, double lot, boolean volumeFromTrades) {
        this.events = events;
        this.clock = clock;
        this.lot = lot;
        this.volumeFromTrades = volumeFromTrades;
    }

    /**
     * Starts a parent decided now and sends what is due at once (TWAP's first slice, VWAP's
     * first bar); {@code bars} are the symbol's closed bars, from which VWAP learns its profile.
     */
    public ParentOrderSnapshot start(ParentOrderRequest request, BarSeries bars, ChildRoute route) {
        long now = clock.getAsLong();
        ChildSchedule schedule = switch (request.algo()) {
            case ExecutionAlgo.Twap t -> ChildSchedule.Timed.evenly(now, t.durationMillis(), t.slices());
            case ExecutionAlgo.Vwap v -> VolumeProfile.schedule(bars, now, v.durationMillis(), v.lookbackDays());
            case ExecutionAlgo.Pov p -> new ChildSchedule.Participation(p.rate(), p.maxChildQty());
        };
        ParentOrder p = new ParentOrder(parents.size() + 1L, request, now, schedule, route, lot);
        parents.add(p);
        events.on(new ParentOrderUpdated(now, p.snapshot(), "started"));
        work(p, now);
        return p.snapshot();
    }

    /** A bar of {@code symbol} that opened at {@code openTime} has closed with {@code volume}. */
    /** Whether any parent order is still working (when none is, a bar's close has nothing to work). */
    public boolean isWorking() {
        for (int k = parents.size() - 1; k >= 0; k--) if (parents.get(k).isWorking()) return true; // the newest are likeliest to work
        return false;
    }

    public void barClosed(String symbol, long openTime, double volume) {
        long now = clock.getAsLong();
        for (ParentOrder p : working(symbol)) {
            if (!volumeFromTrades && openTime >= p.decisionTime) p.traded(volume);
            work(p, now);
        }
    }

    /** A trade of {@code symbol} printed. */
    public void traded(String symbol, double amount) {
        long now = clock.getAsLong();
        for (ParentOrder p : working(symbol)) {
            if (now > p.decisionTime) p.traded(amount);
            work(p, now);
        }
    }

    /** A fill; the desk keeps the fills of its children. */
    public void filled(Fill fill) {
        for (ParentOrder p : parents) {
            if (p.owns(fill.orderId())) {
                p.filled(fill);
                return;
            }
        }
        if (sending != null && sending.request.symbol().equals(fill.symbol())) sending.filled(fill);
    }

    /** Cancels a working parent and its working children; false if it is not working. */
    public boolean cancel(long parentId, String reason) {
        for (ParentOrder p : parents) {
            if (p.id == parentId && p.isWorking()) {
                p.cancel(reason);
                events.on(new ParentOrderUpdated(clock.getAsLong(), p.snapshot(), "cancelled: " + reason));
                return true;
            }
        }
        return false;
    }

    /** Cancels every working parent of {@code symbol}. */
    public void cancelAll(String symbol, String reason) {
        for (ParentOrder p : working(symbol)) cancel(p.id, reason);
    }

    /** The parents still working, oldest first. */
    public List<ParentOrderSnapshot> workingParents() {
        return parents.stream().filter(ParentOrder::isWorking).map(ParentOrder::snapshot).toList();
    }

    public Optional<ParentOrderSnapshot> parent(long id) {
        return parents.stream().filter(p -> p.id == id).findFirst().map(ParentOrder::snapshot);
    }

    private List<ParentOrder> working(String symbol) {
        if (parents.isEmpty()) return List.of();
        return parents.stream().filter(p -> p.isWorking() && p.request.symbol().equals(symbol)).toList();
    }

    private void work(ParentOrder p, long now) {
        double child = p.childDue(now);
        if (child > 0) {
            sending = p;
            OrderSnapshot o;
            try {
                o = p.send(child);
            } finally {
                sending = null;
            }
            if (!p.isWorking()) {
                events.on(new ParentOrderUpdated(now, p.snapshot(), "rejected: child refused"));
                return;
            }
            if (o.id() >= 0) {
                String step = "child #" + o.id() + (o.status() == OrderStatus.REJECTED ? " rejected by the broker, sent again next" : "");
                events.on(new ParentOrderUpdated(now, p.snapshot(), step));
            }
        }
        if (p.isWorking() && p.finishedSending()) {
            p.end(ParentStatus.DONE);
            events.on(new ParentOrderUpdated(now, p.snapshot(), "done"));
        }
    }
}
