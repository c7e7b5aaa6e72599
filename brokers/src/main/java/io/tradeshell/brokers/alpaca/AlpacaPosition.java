package io.tradeshell.brokers.alpaca;

import com.fasterxml.jackson.databind.JsonNode;

/** A position at Alpaca: signed quantity (negative short) and average entry price. */
public record AlpacaPosition(String symbol, double qty, double avgEntryPrice) {
    public static AlpacaPosition parse(JsonNode p) {
        double qty = AlpacaOrder.number(p.get("qty"));
        if ("short".equals(p.path("side").asText()) && qty > 0) qty = -qty;
        return new AlpacaPosition(p.path("symbol").asText(), qty, AlpacaOrder.number(p.get("avg_entry_price")));
    }
}
