package io.tradeshell.engine.broker;

import io.tradeshell.engine.order.Fill;

/** Receives each fill as the broker makes it, before the fill's event is published. */
@FunctionalInterface
public interface FillHandler {
    void onFill(int slot, Fill fill);
}
