package io.tradeshell.engine.order;

/** An order's state at one moment, as events and outputs carry it. */
public record OrderSnapshot(long id, OrderRequest request, long submittedTime, OrderStatus status,
                            double filledQty, double avgFillPrice) {
    @Override
    public String toString() {
        var r = request;
        String price = switch (r.type()) {
            case MARKET -> "";
            case LIMIT -> " @" + r.limitPrice();
            case STOP -> " stop " + r.stopPrice();
            case STOP_LIMIT -> " stop " + r.stopPrice() + " limit " + r.limitPrice();
        };
        return "#" + id + " " + r.side() + " " + r.qty() + " " + r.symbol() + " " + r.type() + price + " " + status
                + (filledQty > 0 ? " filled " + filledQty + " @" + avgFillPrice : "");
    }
}
