package io.tradeshell.engine.order;

/** An order's place in its lifecycle, as a real broker reports it. */
public enum OrderStatus {
    NEW, ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, EXPIRED;

    /** Whether the order can still fill. */
    public boolean isWorking() {
        return this == NEW || this == ACCEPTED || this == PARTIALLY_FILLED;
    }
}
