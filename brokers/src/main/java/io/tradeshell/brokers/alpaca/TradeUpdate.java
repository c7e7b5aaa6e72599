package io.tradeshell.brokers.alpaca;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One message of Alpaca's {@code trade_updates} stream: what happened to an order ("new",
 * "fill", "partial_fill", "canceled", "expired", "rejected", "replaced", ...), the order as it
 * stands after it, and for fills the quantity and price of this execution.
 */
public record TradeUpdate(String event, AlpacaOrder order, double qty, double price, String executionId) {
    public static TradeUpdate parse(JsonNode data) {
        return new TradeUpdate(data.path("event").asText(), AlpacaOrder.parse(data.path("order")),
                AlpacaOrder.number(data.get("qty")), AlpacaOrder.number(data.get("price")), data.path("execution_id").asText(""));
    }

    public boolean isFill() {
        return "fill".equals(event) || "partial_fill".equals(event);
    }
}
