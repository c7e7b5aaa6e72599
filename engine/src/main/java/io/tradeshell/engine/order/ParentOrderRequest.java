package io.tradeshell.engine.order;

import io.tradeshell.engine.execution.ExecutionAlgo;
import io.tradeshell.engine.model.Side;
import java.util.Objects;

/**
 * An order to be worked by an execution algo rather than sent at once: its children are
 * plain market orders carrying the same {@code tag}.
 */
public record ParentOrderRequest(String symbol, Side side, double qty, ExecutionAlgo algo, String tag) {
    public ParentOrderRequest {
        Objects.requireNonNull(symbol);
        Objects.requireNonNull(side);
        Objects.requireNonNull(algo);
        OrderRequest.checkQuantity(qty);
    }
}
