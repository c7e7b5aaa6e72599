package io.tradeshell.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.brokers.RestCalls;
import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.TimeInForce;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.paper.PaperHome;
import io.tradeshell.engine.paper.PaperSession;
import io.tradeshell.engine.paper.SessionConfig;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.HistoricalBarFeed;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.Speed;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.strategy.TradingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole paper session whose orders go to (a fake) Alpaca, as {@code paper start --broker alpaca} runs it. */
class AlpacaPaperSessionTest {
    /** Buys 10 at bar 1, places a limit sell at bar 2 and cancels it at bar 4. */
    private static StrategyFactory strategy() {
        return new StrategyFactory() {
            public String name() { return "to alpaca"; }
            public Map<String, Object> params() { return Map.of(); }
            public Strategy create(TradingContext ctx) {
                return new Strategy() {
                    long limit = -1;

                    public void onBar(int i) {
                        if (i == 1) ctx.submit(OrderRequest.market("AAPL", Side.BUY, 10, "buyWhen"));
                        if (i == 2) limit = ctx.submit(OrderRequest.limit("AAPL", Side.SELL, 10, 120, TimeInForce.GTC, "takeProfit")).id();
                        if (i == 4) ctx.cancel(limit);
                    }

                    public int warmupBars() { return 0; }
                };
            }
        };
    }

    @Test
    void ordersReachAlpacaFillsComeBackAndNoCredentialIsWrittenAnywhere(@TempDir Path tmp) throws Exception {
        try (FakeAlpaca fake = new FakeAlpaca()) {
            AlpacaEndpoints at = new AlpacaEndpoints(fake.url(), fake.url(), "ws://127.0.0.1:1/stream", "ws://127.0.0.1:1");
            AlpacaRest rest = new AlpacaRest(at, FakeAlpaca.KEY, FakeAlpaca.SECRET, ms -> { }, Duration.ofSeconds(5));
            java.util.concurrent.atomic.AtomicReference<AlpacaBroker> broker = new java.util.concurrent.atomic.AtomicReference<>();
            // the market fills market orders at once, at 100.25, and says so on the stream
            fake.onOrderCreated = o -> {
                if (!o.path("type").asText().equals("market")) return;
                o.put("filled_qty", o.path("qty").asText()).put("filled_avg_price", "100.25").put("status", "filled");
                var u = RestCalls.json().createObjectNode().put("event", "fill").put("qty", o.path("qty").asText()).put("price", "100.25");
                u.set("order", o.deepCopy());
                broker.get().onTradeUpdate(TradeUpdate.parse(u));
            };
            BarSeries bars = new BarSeries("AAPL", Duration.ofDays(1), 2, 8);
            for (int i = 0; i < 6; i++) bars.append(i * 86_400_000L, 100, 101, 99, 100, 1e6);
            ExecutionSettings x = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001), new Slippage(5), 0, 0, 0, 1);
            RunSpec spec = new RunSpec("alpaca", strategy(), List.of(new DataInput(bars, "AAPL.csv", "sha")), x, 100_000, RiskLimits.none(), 1);
            SessionConfig config = new SessionConfig("acct", "s.groovy", Map.of(), List.of(new SessionConfig.DataRef("AAPL", "AAPL.csv", "sha")),
                    Optional.empty(), false, Speed.MAX, spec.cash(), 1, x, RiskLimits.none(), Double.NaN, Double.NaN, "2024-01-01T00:00:00Z");
            Path script = Files.writeString(tmp.resolve("s.groovy"), "// a copy\n");
            PaperHome home = new PaperHome(tmp.resolve("home"));
            PaperSession session = PaperSession.start(home.account("acct"), config, script, spec,
                    new HistoricalBarFeed(List.of(bars)), PaperSession.Wiring.quiet())
                    .withBroker(AlpacaBroker.factory(rest, new ClientOrderIds("acct"), Set.of(), broker::set));
            PaperSession.Outcome outcome = session.run();

            assertThat(fake.orders.values()).extracting(o -> o.path("client_order_id").asText() + " " + o.path("type").asText() + " " + o.path("status").asText())
                    .containsExactly("ts-acct-1 market filled", "ts-acct-2 limit canceled");
            assertThat(outcome.result().fills()).singleElement().satisfies(f -> {
                assertThat(f.qty()).isEqualTo(10);
                assertThat(f.price()).isEqualTo(100.25);
            });
            assertThat(outcome.status().positions()).hasSize(1);
            List<Path> written;
            try (Stream<Path> files = Files.walk(tmp.resolve("home"))) {
                written = files.filter(Files::isRegularFile).toList();
            }
            assertThat(written).extracting(p -> p.getFileName().toString()).contains("journal.jsonl", "fills.jsonl", "summary.json");
            for (Path p : written) {
                assertThat(Files.readString(p)).as(p.toString()).doesNotContain(FakeAlpaca.SECRET).doesNotContain(FakeAlpaca.KEY);
            }
        }
    }

    @Test
    void anErrorEchoingTheKeyIsScrubbedBeforeItReachesTheJournal() throws Exception {
        try (FakeAlpaca fake = new FakeAlpaca()) {
            AlpacaEndpoints at = new AlpacaEndpoints(fake.url(), fake.url(), "ws://x", "ws://x");
            // a wrong secret: the fake answers 401; a broker that echoed the key would have it scrubbed
            AlpacaRest wrong = new AlpacaRest(at, FakeAlpaca.KEY, "wrong-secret-value", ms -> { }, Duration.ofSeconds(5));
            AlpacaDesk desk = new AlpacaDesk(fake, List.of("AAPL"), Set.of());
            AlpacaBroker b = new AlpacaBroker(wrong, new ClientOrderIds("acct"), Set.of(),
                    new io.tradeshell.engine.broker.BrokerFactory.Wiring(desk.clock, List.of("AAPL"), (s, f) -> { }, desk.events::add, null));
            b.submit(OrderRequest.market("AAPL", Side.BUY, 1, "buyWhen"));
            String reason = desk.events(io.tradeshell.engine.events.TradingEvent.OrderRejected.class).getFirst().reason();
            assertThat(reason).isEqualTo("rejected by Alpaca: POST /v2/orders failed: HTTP 401 request is not authorized");
            assertThat(wrong.secrets().scrub("key " + FakeAlpaca.KEY + " secret wrong-secret-value")).isEqualTo("key *** secret ***");
        }
    }
}
