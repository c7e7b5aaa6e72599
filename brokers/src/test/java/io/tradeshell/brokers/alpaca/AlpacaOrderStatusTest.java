package io.tradeshell.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.brokers.RestCalls;
import io.tradeshell.engine.order.OrderStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every order status Alpaca documents, read as the engine's lifecycle: the ones where the order
 * still works (with what has filled so far), and the five ways it ends.
 */
class AlpacaOrderStatusTest {
    private static OrderStatus status(String alpaca, String filledQty) {
        return AlpacaOrder.parse(RestCalls.json().createObjectNode().put("id", "o").put("status", alpaca).put("qty", "10").put("filled_qty", filledQty)).status();
    }

    @Test
    void eachDocumentedStatusMeansWhatAlpacaSaysItMeans() {
        Map<String, OrderStatus> unfilled = new LinkedHashMap<>();
        // still working at Alpaca: received, routed, waiting on a condition or an exchange
        for (String s : new String[] {"new", "accepted", "pending_new", "accepted_for_bidding", "pending_cancel", "pending_replace", "held",
                "calculated", "stopped", "suspended"}) unfilled.put(s, OrderStatus.ACCEPTED);
        unfilled.put("partially_filled", OrderStatus.PARTIALLY_FILLED);
        unfilled.put("filled", OrderStatus.FILLED);
        // ended without (more) fills: cancelled, done for the day, replaced by another order, expired, rejected
        unfilled.put("canceled", OrderStatus.CANCELLED);
        unfilled.put("done_for_day", OrderStatus.CANCELLED);
        unfilled.put("replaced", OrderStatus.CANCELLED);
        unfilled.put("expired", OrderStatus.EXPIRED);
        unfilled.put("rejected", OrderStatus.REJECTED);
        unfilled.forEach((alpaca, engine) -> assertThat(status(alpaca, "0")).as(alpaca).isEqualTo(engine));
        // a working order with part of it filled is partially filled, whatever step Alpaca is at
        for (String s : new String[] {"new", "accepted", "pending_cancel", "pending_replace", "held", "calculated", "stopped", "suspended"}) {
            assertThat(status(s, "4")).as(s + " with 4 filled").isEqualTo(OrderStatus.PARTIALLY_FILLED);
        }
    }
}
