package io.tradeshell.brokers.oanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.brokers.fakes.FakeOanda;
import io.tradeshell.engine.broker.BrokerFactory;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.clock.SimulatedClock;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OandaBrokerTest {
    private final List<TradingEvent> events = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();

    private OandaRest rest(FakeOanda fake, io.tradeshell.brokers.RestCalls.Pause pause) {
        return new OandaRest(fake.url(), fake.url(), FakeOanda.TOKEN, FakeOanda.ACCOUNT, pause, Duration.ofMinutes(1));
    }

    private OandaBroker broker(OandaRest rest, Set<String> unanswered) {
        return new OandaBroker(rest, "fx", unanswered, new BrokerFactory.Wiring(new SimulatedClock(0), List.of("EUR_USD"),
                (slot, f) -> fills.add(f), events::add, null));
    }

    @Test
    void aShortMarketOrderGoesOutAsNegativeUnitsAndFillsFromOandasAnswer() throws Exception {
        try (FakeOanda fake = new FakeOanda()) {
            OandaBroker b = broker(rest(fake, ms -> { }), Set.of());
            OrderSnapshot o = b.submit(OrderRequest.market("EUR_USD", Side.SELL, 100, "sellWhen"));
            assertThat(fake.requests.getFirst()).isEqualTo("POST /v3/accounts/" + FakeOanda.ACCOUNT + "/orders {\"order\":{\"type\":\"MARKET\","
                    + "\"instrument\":\"EUR_USD\",\"units\":\"-100\",\"timeInForce\":\"FOK\",\"positionFill\":\"DEFAULT\","
                    + "\"clientExtensions\":{\"id\":\"ts-fx-1\",\"tag\":\"sellWhen\"}}}");
            // the fill is in OANDA's answer: booked with it, not at the next market event
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(fills).singleElement().satisfies(f -> {
                assertThat(f.qty()).isEqualTo(100);
                assertThat(f.price()).isEqualTo(1.08512);
                assertThat(f.side()).isEqualTo(Side.SELL);
            });
            assertThat(b.openOrders()).isEmpty();
            assertThat(rest(fake, ms -> { }).openPositions()).isEqualTo(Map.of("EUR_USD", -100.0));
            assertThat(rest(fake, ms -> { }).summary().path("balance").asText()).isEqualTo("100000.0000");
        }
    }

    @Test
    void aLimitOrderCarriesItsPriceAndTimeInForceAsStrings() throws Exception {
        try (FakeOanda fake = new FakeOanda()) {
            OandaBroker b = broker(rest(fake, ms -> { }), Set.of());
            b.submit(OrderRequest.limit("EUR_USD", Side.BUY, 2500.5, 1.0825, TimeInForce.GTC, "buyWhen"));
            assertThat(fake.requests.getFirst()).contains("\"type\":\"LIMIT\",\"instrument\":\"EUR_USD\",\"units\":\"2500.5\",\"price\":\"1.0825\",\"timeInForce\":\"GTC\"");
            b.applyReceived();
            assertThat(fills).isEmpty();
            assertThat(b.openOrders()).hasSize(1);
        }
    }

    @Test
    void aReplacedOrderGoesOnUnderItsNewIdAndACancelledOneEndsWithOandasWord() throws Exception {
        try (FakeOanda fake = new FakeOanda()) {
            OandaBroker b = broker(rest(fake, ms -> { }), Set.of());
            long id = b.submit(OrderRequest.limit("EUR_USD", Side.BUY, 1000, 1.08, TimeInForce.GTC, "buyWhen")).id();
            String first = fake.orders.get("ts-fx-1").path("id").asText();

            assertThat(b.replace(id, 1500, 1.081, Double.NaN)).isTrue();

            assertThat(fake.requests.getLast()).startsWith("PUT /v3/accounts/" + FakeOanda.ACCOUNT + "/orders/" + first + " ")
                    .contains("\"type\":\"LIMIT\"", "\"units\":\"1500\"", "\"price\":\"1.081\"", "\"clientExtensions\":{\"id\":\"ts-fx-1\"");
            // the stream tells of the old order's cancellation (it was replaced), then of the new one's fill
            fake.fill("ts-fx-1", "1.08100");
            fake.transactions.forEach(b::onTransaction);
            b.applyReceived();
            assertThat(events).filteredOn(e -> e instanceof TradingEvent.OrderCancelled).isEmpty();
            assertThat(events).filteredOn(e -> e instanceof TradingEvent.OrderReplaced).singleElement()
                    .satisfies(e -> assertThat(((TradingEvent.OrderReplaced) e).order().request().qty()).isEqualTo(1500));
            assertThat(fills).singleElement().satisfies(f -> {
                assertThat(f.orderId()).isEqualTo(id);
                assertThat(f.qty()).isEqualTo(1500);
                assertThat(f.price()).isEqualTo(1.081);
            });

            long sell = b.submit(OrderRequest.limit("EUR_USD", Side.SELL, 1500, 1.09, TimeInForce.DAY, "sellWhen")).id();
            assertThat(fake.requests.getLast()).contains("\"units\":\"-1500\"", "\"timeInForce\":\"GFD\"");
            assertThat(b.cancel(sell, "cancelled by the strategy")).isTrue();
            assertThat(fake.orders.get("ts-fx-2").path("state").asText()).isEqualTo("CANCELLED");
            assertThat(events).filteredOn(e -> e instanceof TradingEvent.OrderCancelled).extracting(e -> ((TradingEvent.OrderCancelled) e).reason())
                    .containsExactly("cancelled by the strategy");
            assertThat(b.openOrders()).isEmpty();
            assertThat(b.cancel(sell, "again")).as("an order that is not working").isFalse();
        }
    }

    @Test
    void aCrashBeforeOandasAnswerIsResumedWithoutASecondOrder() throws Exception {
        try (FakeOanda fake = new FakeOanda()) {
            fake.dropNextSubmitAnswer = true;
            OandaBroker first = broker(rest(fake, ms -> {
                throw new IllegalStateException("killed");
            }), Set.of());
            assertThatThrownBy(() -> first.submit(OrderRequest.limit("EUR_USD", Side.BUY, 1000, 1.08, TimeInForce.GTC, "buyWhen"))).hasMessage("killed");
            OandaBroker resumed = broker(rest(fake, ms -> { }), Set.of("ts-fx-1"));
            OrderSnapshot o = resumed.submit(OrderRequest.limit("EUR_USD", Side.BUY, 1000, 1.08, TimeInForce.GTC, "buyWhen"));
            assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(fake.submits()).isEqualTo(1);
            assertThat(fake.orders).hasSize(1);
        }
    }

    @Test
    void anOandaOutOfReachHaltsTradingInOneLineAndAResumeTriesAgain() throws Exception {
        try (FakeOanda fake = new FakeOanda()) {
            List<Long> waits = new ArrayList<>();
            OandaBroker b = broker(new OandaRest(fake.url(), fake.url(), FakeOanda.TOKEN, FakeOanda.ACCOUNT, waits::add, Duration.ofSeconds(5)), Set.of());
            fake.failWith = 503;
            OrderSnapshot o = b.submit(OrderRequest.market("EUR_USD", Side.BUY, 100, "buyWhen"));
            assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(waits).as("retried with a doubling backoff").containsExactly(500L, 1000L, 2000L);
            String halt = "trading halted: OANDA unreachable (POST /v3/accounts/***/orders unreachable for 3 s (limit 5 s): HTTP 503)";
            assertThat(events).filteredOn(e -> e instanceof TradingEvent.TradingStateChanged)
                    .singleElement().isEqualTo(new TradingEvent.TradingStateChanged(0, "HALTED", halt));
            assertThat(events).filteredOn(e -> e instanceof TradingEvent.OrderRejected).extracting(e -> ((TradingEvent.OrderRejected) e).reason())
                    .containsExactly(halt);
            int asked = fake.requests.size();
            assertThat(b.submit(OrderRequest.market("EUR_USD", Side.BUY, 100, "buyWhen")).status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(fake.requests).as("a halted broker sends nothing").hasSize(asked);
            fake.failWith = 0;
            b.tradingResumed();
            assertThat(b.submit(OrderRequest.market("EUR_USD", Side.BUY, 100, "buyWhen")).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(b.isHalted()).isFalse();
        }
    }

    @Test
    void dailyCandlesAreMidPricesInTimeOrder() throws Exception {
        try (FakeOanda fake = new FakeOanda()) {
            BarSeries bars = new OandaHistory(rest(fake, ms -> { })).bars("EUR_USD", Instant.parse("2024-01-01T00:00:00Z"),
                    Instant.parse("2024-01-05T00:00:00Z"), Duration.ofDays(1));
            assertThat(fake.requests.getFirst()).startsWith("GET /v3/instruments/EUR_USD/candles?granularity=D&price=M&from=2024-01-01T00:00:00Z&count=5000");
            assertThat(bars.size()).isEqualTo(3);
            assertThat(bars.open(0)).isEqualTo(1.10380);
            assertThat(bars.close(2)).isEqualTo(1.09485);
            assertThat(bars.openTime(1)).isEqualTo(Instant.parse("2024-01-02T22:00:00Z").toEpochMilli());
        }
    }

    @Test
    void thePricingStreamGivesQuotesAndCountsHeartbeats() throws Exception {
        List<PricingStream.Quote> quotes = new ArrayList<>();
        int beats = PricingStream.read(new BufferedReader(new StringReader(FakeOanda.fixture("pricing_stream.ndjson"))), quotes::add, t -> { });
        assertThat(beats).isEqualTo(2);
        assertThat(quotes).extracting(PricingStream.Quote::bid).containsExactly(1.08510, 1.08516);
        assertThat(quotes.get(1).mid()).isEqualTo((1.08516 + 1.08530) / 2);
        assertThat(OandaHistory.granularity(Duration.ofMinutes(15))).isEqualTo("M15");
        assertThat(OandaHistory.granularity(Duration.ofHours(4))).isEqualTo("H4");
    }
}
