package io.tradeshell.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.brokers.RestCalls;
import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.model.Side;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlpacaBrokerTest {
    private final FakeAlpaca fake = fake();

    private static FakeAlpaca fake() {
        try {
            return new FakeAlpaca();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private JsonNode lastOrderBody() throws Exception {
        String r = fake.requests.stream().filter(s -> s.startsWith("POST /v2/orders ")).reduce((a, b) -> b).orElseThrow();
        return RestCalls.json().readTree(r.substring("POST /v2/orders ".length()));
    }

    @Test
    void everyOrderTypeGoesOutWithDecimalStringsAndItsTimeInForce() throws Exception {
        AlpacaDesk desk = new AlpacaDesk(fake, List.of("AAPL", "BTC/USD"), Set.of());
        desk.broker.submit(OrderRequest.market("AAPL", Side.BUY, 15, "buyWhen")); // the engine's market orders are good till cancelled
        assertThat(lastOrderBody().toString()).isEqualTo(
                "{\"symbol\":\"AAPL\",\"qty\":\"15\",\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"gtc\",\"client_order_id\":\"ts-acct-1\"}");
        desk.broker.submit(OrderRequest.limit("AAPL", Side.SELL, 2.5, 190.25, TimeInForce.GTC, "takeProfit"));
        assertThat(lastOrderBody().toString()).isEqualTo("{\"symbol\":\"AAPL\",\"qty\":\"2.5\",\"side\":\"sell\",\"type\":\"limit\","
                + "\"time_in_force\":\"gtc\",\"limit_price\":\"190.25\",\"client_order_id\":\"ts-acct-2\"}");
        desk.broker.submit(OrderRequest.stop("AAPL", Side.SELL, 10, 180, TimeInForce.DAY, "stopLoss"));
        assertThat(lastOrderBody().toString()).isEqualTo("{\"symbol\":\"AAPL\",\"qty\":\"10\",\"side\":\"sell\",\"type\":\"stop\","
                + "\"time_in_force\":\"day\",\"stop_price\":\"180\",\"client_order_id\":\"ts-acct-3\"}");
        desk.broker.submit(OrderRequest.stopLimit("AAPL", Side.BUY, 1, 191, 191.5, TimeInForce.GTC, "breakout"));
        assertThat(lastOrderBody().toString()).isEqualTo("{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"stop_limit\","
                + "\"time_in_force\":\"gtc\",\"limit_price\":\"191.5\",\"stop_price\":\"191\",\"client_order_id\":\"ts-acct-4\"}");
        // crypto: a fractional quantity, and good-till-cancelled since a crypto day order does not exist
        desk.broker.submit(OrderRequest.market("BTC/USD", Side.BUY, 0.0125, "buyWhen"));
        assertThat(lastOrderBody().toString()).isEqualTo("{\"symbol\":\"BTC/USD\",\"qty\":\"0.0125\",\"side\":\"buy\",\"type\":\"market\","
                + "\"time_in_force\":\"gtc\",\"client_order_id\":\"ts-acct-5\"}");
        assertThat(desk.broker.openOrders()).extracting(OrderSnapshot::id).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(desk.events(TradingEvent.OrderAccepted.class)).hasSize(5);
    }

    @Test
    void aRejectedOrderComesBackRejectedWithAlpacasReason() {
        AlpacaDesk desk = new AlpacaDesk(fake, List.of("AAPL"), Set.of());
        fake.rejectNextSubmit = true;
        OrderSnapshot o = desk.broker.submit(OrderRequest.market("AAPL", Side.BUY, 1e6, "buyWhen"));
        assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(desk.events(TradingEvent.OrderRejected.class).getFirst().reason())
                .isEqualTo("rejected by Alpaca: POST /v2/orders failed: HTTP 403 insufficient buying power");
        assertThat(desk.broker.openOrders()).isEmpty();
    }

    @Test
    void partialFillsThenTheRestArriveAsFillsOfTheirOwnQuantityAndPrice() {
        AlpacaDesk desk = new AlpacaDesk(fake, List.of("AAPL"), Set.of());
        OrderSnapshot o = desk.broker.submit(OrderRequest.limit("AAPL", Side.BUY, 10, 101, TimeInForce.DAY, "buyWhen"));
        String id = fake.orders.keySet().iterator().next();
        desk.broker.onTradeUpdate(TradeUpdate.parse(update("partial_fill", fake.fillAtBroker(id, "4", "100.5", "partially_filled"), "4", "100.5")));
        desk.broker.onBar(0, 0, 0, 0, 0, 0); // fills are handed over at the loop's next market event
        desk.broker.onTradeUpdate(TradeUpdate.parse(update("fill", fake.fillAtBroker(id, "10", "100.68", "filled"), "6", "100.8")));
        assertThat(desk.fills).hasSize(1);
        desk.broker.applyReceived();
        assertThat(desk.fills).extracting(f -> f.qty() + "@" + f.price()).containsExactly("4.0@100.5", "6.0@100.8");
        assertThat(desk.fills).allMatch(f -> f.orderId() == o.id());
        assertThat(desk.events(TradingEvent.OrderFilled.class).getLast().order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(desk.broker.openOrders()).isEmpty();
    }

    @Test
    void cancelAndReplaceReachAlpacaAndItsConfirmationsEndTheOrder() {
        AlpacaDesk desk = new AlpacaDesk(fake, List.of("AAPL"), Set.of());
        OrderSnapshot stop = desk.broker.submit(OrderRequest.stop("AAPL", Side.SELL, 10, 180, TimeInForce.GTC, "stopLoss"));
        assertThat(desk.broker.replace(stop.id(), 10, Double.NaN, 182.5)).isTrue();
        assertThat(fake.requests).anyMatch(r -> r.startsWith("PATCH /v2/orders/00000000-0000-4000-8000-000000000001 ")
                && r.contains("\"qty\":\"10\"") && r.contains("\"stop_price\":\"182.5\""));
        assertThat(desk.broker.openOrders().getFirst().request().stopPrice()).isEqualTo(182.5);
        // the news that the old order was replaced does not end the order, which lives on as its replacement
        desk.broker.onTradeUpdate(TradeUpdate.parse(update("replaced", fake.orders.get("00000000-0000-4000-8000-000000000001"), null, null)));
        desk.broker.applyReceived();
        assertThat(desk.broker.openOrders()).hasSize(1);
        assertThat(desk.broker.cancel(stop.id(), "cancelled by the strategy")).isTrue();
        assertThat(fake.requests).anyMatch(r -> r.startsWith("DELETE /v2/orders/00000000-0000-4000-8000-000000000002"));
        assertThat(desk.broker.openOrders()).isEmpty();
        assertThat(desk.broker.cancel(stop.id(), "again")).isFalse();
        OrderSnapshot day = desk.broker.submit(OrderRequest.limit("AAPL", Side.BUY, 5, 150, TimeInForce.DAY, "buyWhen"));
        String id = fake.orders.keySet().stream().reduce((a, b) -> b).orElseThrow();
        fake.orders.get(id).put("status", "expired");
        desk.broker.onTradeUpdate(TradeUpdate.parse(update("expired", fake.orders.get(id), null, null)));
        desk.broker.applyReceived();
        assertThat(desk.events(TradingEvent.OrderExpired.class)).extracting(e -> e.order().id()).containsExactly(day.id());
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedAfterTheBrokersWait() {
        AlpacaDesk desk = new AlpacaDesk(fake, List.of("AAPL"), Set.of());
        fake.failures.add(429);
        fake.failures.add(500);
        fake.failures.add(503);
        OrderSnapshot o = desk.broker.submit(OrderRequest.market("AAPL", Side.BUY, 1, "buyWhen"));
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
        // Retry-After: 2 seconds, then the backoff of 0.5 s doubling from where it stands
        assertThat(desk.pauses).containsExactly(2000L, 1000L, 2000L);
        assertThat(fake.submits()).isEqualTo(4);
        assertThat(fake.orders).hasSize(1);
    }

    @Test
    void aBrokerOutOfReachLongerThanTheLimitHaltsTradingOnceAndRefusesLaterOrders() {
        AlpacaDesk desk = new AlpacaDesk(fake, List.of("AAPL"), Set.of(), ms -> { }, Duration.ofSeconds(5));
        for (int k = 0; k < 20; k++) fake.failures.add(500);
        OrderSnapshot first = desk.broker.submit(OrderRequest.market("AAPL", Side.BUY, 1, "buyWhen"));
        OrderSnapshot second = desk.broker.submit(OrderRequest.market("AAPL", Side.BUY, 1, "buyWhen"));
        assertThat(first.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(second.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(desk.events(TradingEvent.TradingStateChanged.class)).singleElement()
                .satisfies(h -> assertThat(h.reason()).startsWith("trading halted: Alpaca unreachable (POST /v2/orders unreachable for 3 s (limit 5 s): HTTP 500)"));
        assertThat(desk.broker.isHalted()).isTrue();
        assertThat(fake.orders).isEmpty();
    }

    @Test
    void aCrashBetweenSubmitAndAcknowledgementNeverCreatesASecondOrderOnResume() {
        // the first session: Alpaca takes the order, the answer never comes, and the process dies while waiting to retry
        AlpacaDesk first = new AlpacaDesk(fake, List.of("AAPL"), Set.of(), ms -> {
            throw new IllegalStateException("killed");
        }, Duration.ofMinutes(2));
        fake.dropNextSubmitAnswer = true;
        assertThatThrownBy(() -> first.broker.submit(OrderRequest.market("AAPL", Side.BUY, 3, "buyWhen"))).hasMessage("killed");
        assertThat(first.events(TradingEvent.OrderSubmitted.class)).hasSize(1); // journaled before it was sent
        assertThat(fake.orders).hasSize(1);
        // the resumed session numbers its orders from the journal and knows #1 was never answered
        AlpacaDesk resumed = new AlpacaDesk(fake, List.of("AAPL"), Set.of("ts-acct-1"));
        OrderSnapshot o = resumed.broker.submit(OrderRequest.market("AAPL", Side.BUY, 3, "buyWhen"));
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(fake.orders).hasSize(1);
        assertThat(fake.submits()).isEqualTo(1);
        assertThat(fake.requests.getLast()).startsWith("GET /v2/orders:by_client_order_id?client_order_id=ts-acct-1");
    }

    @Test
    void aLostAnswerRetriedInTheSameSessionAdoptsTheOrderAlpacaAlreadyHas() {
        AlpacaDesk desk = new AlpacaDesk(fake, List.of("AAPL"), Set.of());
        fake.dropNextSubmitAnswer = true;
        OrderSnapshot o = desk.broker.submit(OrderRequest.market("AAPL", Side.BUY, 3, "buyWhen"));
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(fake.orders).hasSize(1); // the retry met 422 "client_order_id must be unique" and looked the order up
        assertThat(fake.submits()).isEqualTo(2);
    }

    private static JsonNode update(String event, JsonNode order, String qty, String price) {
        var u = RestCalls.json().createObjectNode().put("event", event);
        u.set("order", order.deepCopy());
        if (qty != null) u.put("qty", qty).put("price", price);
        u.put("timestamp", "2024-03-04T14:30:01.5Z");
        return u;
    }
}
