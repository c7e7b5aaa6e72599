package io.tradeshell.brokers;

import io.tradeshell.engine.order.OrderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the broker holds that the journal does not, for a session whose user adopts the broker's
 * state: the adapter books it in the journal as the account's own at the first market event, so
 * a resume re-runs it and the next reconciliation finds nothing to report.
 *
 * @param positions the difference per symbol, signed, at the broker's average entry price
 * @param orders    the broker's working orders the journal does not hold
 */
public record Adoption(List<Position> positions, List<Order> orders) {
    public static final Adoption NONE = new Adoption(List.of(), List.of());

    public Adoption {
        positions = List.copyOf(positions);
        orders = List.copyOf(orders);
    }

    /** A position to take over: {@code qty} more (negative: fewer) units than the journal holds. */
    public record Position(String symbol, double qty, double avgPrice) { }

    /** A working order at the broker, known there by {@code clientOrderId}, with what it has filled so far. */
    public record Order(String clientOrderId, OrderRequest request, double filledQty, double avgFillPrice) { }

    /**
     * The broker's state over the journal's.
     *
     * @param journalPositions signed quantity per symbol, from the journal
     * @param journalOrders    client order ids the journal holds as working
     * @param brokerPositions  the broker's positions
     * @param brokerOrders     the broker's working orders
     */
    public static Adoption of(Map<String, Double> journalPositions, Set<String> journalOrders,
                              List<Position> brokerPositions, List<Order> brokerOrders) {
        List<Position> positions = new ArrayList<>();
        for (Position p : brokerPositions) {
            double more = p.qty() - journalPositions.getOrDefault(p.symbol(), 0.0);
            if (Math.abs(more) > 1e-9) positions.add(new Position(p.symbol(), more, p.avgPrice()));
        }
        List<Order> orders = brokerOrders.stream().filter(o -> !journalOrders.contains(o.clientOrderId())).toList();
        return new Adoption(positions, orders);
    }

    public boolean isEmpty() {
        return positions.isEmpty() && orders.isEmpty();
    }
}
