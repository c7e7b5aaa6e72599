package io.tradeshell.engine.order;

import java.util.List;

/**
 * A parent order's state at one moment, as events, the journal and scripts see it.
 *
 * @param decisionTime when it was decided (the run clock), where its arrival price is taken
 * @param sentQty      units sent to the broker in children so far
 * @param childIds     the broker's ids of its children, oldest first
 */
public record ParentOrderSnapshot(long id, ParentOrderRequest request, long decisionTime, ParentStatus status,
                                  double sentQty, double filledQty, double avgFillPrice, List<Long> childIds) {
    public ParentOrderSnapshot {
        childIds = List.copyOf(childIds);
    }

    @Override
    public String toString() {
        var r = request;
        return "parent #" + id + " " + r.side() + " " + r.qty() + " " + r.symbol() + " " + r.algo().describe() + " " + status
                + (filledQty > 0 ? " filled " + filledQty + " @" + avgFillPrice : "");
    }
}
