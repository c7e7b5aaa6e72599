package io.tradeshell.brokers;

import io.tradeshell.engine.order.OrderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the broker's state differs from the journal's, for a session whose user adopts the
 * broker's state: the adapter books it in the journal as the account's own at the first market
 * event, so a resume re-runs it and the next reconciliation finds nothing to report.
 *
 * @param positions the difference per symbol the broker holds, signed, at the broker's average entry price
 * @param orders    the broker's working orders the journal does not hold
 * @param closed    the positions the journal holds in symbols where the broker holds none: each
 *                  is closed in the journal (signed quantity of the close, at the journal's own
 *                  entry price, so the correction makes no profit or loss)
 */
public record Adoption(List<Position> positions, List<Order> orders, List<Position> closed) {
    public static final Adoption NONE = new Adoption(List.of(), List.of(), List.of());

    public Adoption {
        positions = List.copyOf(positions);
        orders = List.copyOf(orders);
        closed = List.copyOf(closed);
    }

    /** A position to take over: {@code qty} more (negative: fewer) units than the journal holds. */
    public record Position(String symbol, double qty, double avgPrice) { }

    /** A working order at the broker, known there by {@code clientOrderId}, with what it has filled so far. */
    public record Order(String clientOrderId, OrderRequest request, double filledQty, double avgFillPrice) { }

    /**
     * The broker's state over the journal's.
     *
     * @param journal         what the journal holds
     * @param brokerPositions the broker's positions
     * @param brokerOrders    the broker's working orders
     */
    public static Adoption of(JournalHoldings journal, List<Position> brokerPositions, List<Order> brokerOrders) {
        List<Position> positions = new ArrayList<>();
        Set<String> atBroker = new TreeSet<>();
        for (Position p : brokerPositions) {
            if (Math.abs(p.qty()) > 1e-9) atBroker.add(p.symbol());
            double more = p.qty() - journal.positions().getOrDefault(p.symbol(), 0.0);
            if (Math.abs(more) > 1e-9 && Math.abs(p.qty()) > 1e-9) positions.add(new Position(p.symbol(), more, p.avgPrice()));
        }
        List<Position> closed = new ArrayList<>();
        for (String s : new TreeSet<>(journal.positions().keySet())) {
            double held = journal.positions().get(s);
            if (!atBroker.contains(s) && Math.abs(held) > 1e-9) closed.add(new Position(s, -held, journal.entryPrices().getOrDefault(s, Double.NaN)));
        }
        List<Order> orders = brokerOrders.stream().filter(o -> !journal.workingOrders().contains(o.clientOrderId())).toList();
        return new Adoption(positions, orders, closed);
    }

    public boolean isEmpty() {
        return positions.isEmpty() && orders.isEmpty() && closed.isEmpty();
    }
}
