package io.tradeshell.brokers;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderType;
import io.tradeshell.engine.order.TimeInForce;

/** Orders as a journal line holds them, read back by an adapter that re-runs the journal on a resume. */
public final class JournalOrders {
    private JournalOrders() { }

    /** The request of a journal line's {@code order} object. */
    public static OrderRequest request(JsonNode order) {
        return new OrderRequest(order.path("symbol").asText(), Side.valueOf(order.path("side").asText()), order.path("qty").asDouble(),
                OrderType.valueOf(order.path("type").asText()), number(order.path("limitPrice")), number(order.path("stopPrice")),
                TimeInForce.valueOf(order.path("tif").asText()), order.path("tag").isNull() ? null : order.path("tag").asText(),
                order.path("ocoGroup").asLong(0));
    }

    private static double number(JsonNode v) {
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
