package io.tradeshell.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.brokers.fakes.FakeWebSocket;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.model.Side;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class TradeUpdateStreamTest {
    /** Waits for something another thread does (not a timing assertion: the bound only stops a hung test). */
    private static void await(BooleanSupplier done) throws InterruptedException {
        for (int k = 0; k < 1000 && !done.getAsBoolean(); k++) Thread.sleep(10);
        assertThat(done.getAsBoolean()).as("waited 10 s").isTrue();
    }

    @Test
    void aStreamDroppedMidOrderReconnectsAndTheFillsMissedMeanwhileAreBookedOnce() throws Exception {
        try (FakeAlpaca fake = new FakeAlpaca();
             FakeWebSocket ws = new FakeWebSocket((c, msg) -> {
                 // the paper stream answers in binary frames
                 if (msg.contains("\"authenticate\"")) c.sendBinary(FakeAlpaca.fixtureText("authorized.json"));
                 if (msg.contains("\"listen\"")) c.sendBinary(FakeAlpaca.fixtureText("listening.json"));
             })) {
            AlpacaDesk desk = new AlpacaDesk(fake, List.of("AAPL"), Set.of());
            try (TradeUpdateStream stream = new TradeUpdateStream(ws.url("/stream"), FakeAlpaca.KEY, FakeAlpaca.SECRET,
                    desk.broker::onTradeUpdate, desk.broker::resynchronise, Duration.ofSeconds(1)).start()) {
                await(() -> ws.received.size() >= 2);
                assertThat(ws.received.getFirst()).isEqualTo("{\"action\":\"authenticate\",\"data\":{\"key_id\":\"" + FakeAlpaca.KEY
                        + "\",\"secret_key\":\"" + FakeAlpaca.SECRET + "\"}}");
                assertThat(ws.received.get(1)).isEqualTo("{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}");

                OrderSnapshot o = desk.broker.submit(OrderRequest.limit("AAPL", Side.BUY, 10, 101, TimeInForce.DAY, "buyWhen"));
                String id = fake.orders.keySet().iterator().next();
                fake.fillAtBroker(id, "4", "100.5", "partially_filled");
                ws.current().sendBinary(FakeAlpaca.fixtureText("trade_update_partial_fill.json").replace("CLIENT_ORDER_ID", "ts-acct-" + o.id())
                        .replace("ORDER_ID", id));
                await(() -> {
                    desk.broker.applyReceived();
                    return desk.fills.size() == 1;
                });

                // the connection drops; meanwhile the rest of the order fills at the broker
                ws.current().drop();
                fake.fillAtBroker(id, "10", "100.7", "filled");
                await(() -> ws.connections == 2 && ws.received.size() >= 4);
                await(() -> {
                    desk.broker.applyReceived();
                    return desk.fills.size() == 2;
                });
                // 10 at 100.7 on average, of which 4 at 100.5: the other 6 at (1007 - 402) / 6
                assertThat(desk.fills.get(1).qty()).isEqualTo(6.0);
                assertThat(desk.fills.get(1).price()).isCloseTo(605.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(desk.broker.openOrders()).isEmpty();
                assertThat(fake.requests).anyMatch(r -> r.startsWith("GET /v2/orders/" + id));
            }
        }
    }
}
