package io.tradeshell.brokers.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.order.OrderType;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.model.Side;

/**
 * An order as Alpaca reports it (every number arrives as a JSON string, or null). The status is
 * Alpaca's own word; {@link #status()} says what it means in the engine's lifecycle.
 */
public record AlpacaOrder(String id, String clientOrderId, String symbol, Side side, OrderType type, TimeInForce tif,
                          double qty, double filledQty, double filledAvgPrice, double limitPrice, double stopPrice, String alpacaStatus) {

    public static AlpacaOrder parse(JsonNode o) {
        return new AlpacaOrder(o.path("id").asText(), o.path("client_order_id").asText(), o.path("symbol").asText(),
                "sell".equals(o.path("side").asText()) ? Side.SELL : Side.BUY, type(o.path("type").asText(o.path("order_type").asText())),
                "gtc".equals(o.path("time_in_force").asText()) ? TimeInForce.GTC : TimeInForce.DAY,
                number(o.get("qty")), number(o.get("filled_qty")), number(o.get("filled_avg_price")),
                number(o.get("limit_price")), number(o.get("stop_price")), o.path("status").asText());
    }

    /** The order as the engine would have asked for it (no tag: it was not the engine's). */
    public OrderRequest request() {
        return new OrderRequest(symbol, side, qty, type, type == OrderType.LIMIT || type == OrderType.STOP_LIMIT ? limitPrice : Double.NaN,
                type == OrderType.STOP || type == OrderType.STOP_LIMIT ? stopPrice : Double.NaN, tif, null, 0);
    }

    /** A JSON string (or number) as a double; NaN when absent or null. */
    static double number(JsonNode n) {
        if (n == null || n.isNull() || n.asText().isBlank()) return Double.NaN;
        return Double.parseDouble(n.asText());
    }

    private static OrderType type(String t) {
        return switch (t) {
            case "limit" -> OrderType.LIMIT;
            case "stop" -> OrderType.STOP;
            case "stop_limit" -> OrderType.STOP_LIMIT;
            default -> OrderType.MARKET;
        };
    }

    public OrderStatus status() {
        return switch (alpacaStatus) {
            case "new", "accepted", "pending_new", "accepted_for_bidding", "pending_replace", "pending_cancel", "held", "calculated",
                 "stopped", "suspended", "pending_review" -> filledQty > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "filled" -> OrderStatus.FILLED;
            case "canceled", "replaced", "done_for_day" -> OrderStatus.CANCELLED;
            case "expired" -> OrderStatus.EXPIRED;
            case "rejected" -> OrderStatus.REJECTED;
            default -> OrderStatus.ACCEPTED;
        };
    }
}
