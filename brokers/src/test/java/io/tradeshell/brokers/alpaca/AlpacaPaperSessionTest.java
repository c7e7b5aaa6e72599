package io.tradeshell.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.paper.PaperSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole paper session whose orders go to (a fake) Alpaca, as {@code paper start --broker alpaca} runs it. */
class AlpacaPaperSessionTest {
    @Test
    void ordersReachAlpacaFillsComeBackAndNoCredentialIsWrittenAnywhere(@TempDir Path tmp) throws Exception {
        try (FakeAlpaca fake = new FakeAlpaca()) {
            AlpacaSessionFixture f = new AlpacaSessionFixture(fake, tmp);
            Path script = Files.writeString(tmp.resolve("s.groovy"), "// a copy\n");
            PaperSession session = PaperSession.start(f.home.account("acct"), f.config, script, f.spec, f.feed(), PaperSession.Wiring.quiet())
                    .withBroker(AlpacaBroker.factory(f.rest, new ClientOrderIds("acct"), Set.of(), f.broker::set));
            PaperSession.Outcome outcome = session.run();

            assertThat(fake.orders.values()).extracting(o -> o.path("client_order_id").asText() + " " + o.path("type").asText() + " " + o.path("status").asText())
                    .containsExactly("ts-acct-1 market filled", "ts-acct-2 limit canceled", "ts-acct-3 market filled");
            assertThat(outcome.result().fills()).extracting(x -> x.side() + " " + x.qty() + " @ " + x.price())
                    .containsExactly("BUY 10.0 @ 100.25", "SELL 10.0 @ 100.25");
            assertThat(outcome.status().positions()).isEmpty();
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
