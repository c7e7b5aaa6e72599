package io.tradeshell.engine.execution.algo;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;

/** Where a parent's children go: the symbol's way to the broker, through the risk check. */
public interface ChildRoute {
    /** Sends a child; a refusal comes back REJECTED (id -1 when the risk check refused it). */
    OrderSnapshot submit(OrderRequest child);

    boolean cancel(long orderId, String reason);

    boolean isWorking(long orderId);
}
