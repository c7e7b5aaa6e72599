package io.tradeshell.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.brokers.RestCalls;
import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.engine.execution.ExecutionAlgo;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.order.ParentOrderRequest;
import io.tradeshell.engine.paper.AccountFiles;
import io.tradeshell.engine.paper.PaperSession;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.strategy.TradingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TWAP parent at a real broker: its children are the ones the same session sends to the
 * simulated broker (same times, same quantities), each a market order at Alpaca with its own
 * client order id, and the parent ends done once Alpaca has filled them all.
 */
class AlgoAtAlpacaTest {
    private static final long DAY = Duration.ofDays(1).toMillis();

    /** At bar 1's close: buy 40 in 4 slices over 4 days. */
    private static StrategyFactory twapAtBar1() {
        return new StrategyFactory() {
            public String name() { return "twap"; }
            public Map<String, Object> params() { return Map.of(); }
            public Strategy create(TradingContext ctx) {
                return new Strategy() {
                    public void onBar(int i) {
                        if (i == 1) ctx.submitParent(new ParentOrderRequest("AAPL", Side.BUY, 40, new ExecutionAlgo.Twap(4 * DAY, 4), "buyWhen"));
                    }

                    public int warmupBars() { return 0; }
                };
            }
        };
    }

    /** Time and quantity of each order the journal holds as submitted. */
    private static List<String> submitted(AccountFiles files) throws Exception {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(files.journal())) {
            JsonNode n = RestCalls.json().readTree(l);
            if (n.path("type").asText().equals("OrderSubmitted")) out.add(n.path("order").path("time").asText() + " " + n.path("order").path("qty").asDouble());
        }
        return out;
    }

    @Test
    void aTwapSendsTheSameChildrenToAlpacaAsToTheSimulatedBroker(@TempDir Path tmp) throws Exception {
        try (FakeAlpaca fake = new FakeAlpaca()) {
            AlpacaSessionFixture f = new AlpacaSessionFixture(fake, tmp, twapAtBar1());
            Path script = Files.writeString(tmp.resolve("s.groovy"), "// a copy\n");
            AccountFiles atAlpaca = f.home.account("acct"), simulated = f.home.account("sim");
            PaperSession.start(atAlpaca, f.config, script, f.spec, f.feed(), PaperSession.Wiring.quiet())
                    .withBroker(AlpacaBroker.factory(f.rest, new ClientOrderIds("acct"), Set.of(), f.broker::set)).run();
            PaperSession.start(simulated, f.config, script, f.spec, f.feed(), PaperSession.Wiring.quiet()).run();

            // decided at bar 1's close (day 2): slices of 10 due at days 2, 3, 4 and 5, each sent at the close that reaches it
            List<String> expected = List.of("1970-01-03T00:00:00Z 10.0", "1970-01-04T00:00:00Z 10.0", "1970-01-05T00:00:00Z 10.0", "1970-01-06T00:00:00Z 10.0");
            assertThat(submitted(simulated)).isEqualTo(expected);
            assertThat(submitted(atAlpaca)).isEqualTo(expected);
            assertThat(fake.orders.values()).extracting(o -> o.path("client_order_id").asText() + " " + o.path("side").asText() + " " + o.path("qty").asText()
                    + " " + o.path("type").asText() + " " + o.path("status").asText())
                    .containsExactly("ts-acct-1 buy 10 market filled", "ts-acct-2 buy 10 market filled", "ts-acct-3 buy 10 market filled",
                            "ts-acct-4 buy 10 market filled");
            List<String> steps = Files.readAllLines(atAlpaca.journal()).stream().filter(l -> l.contains("\"type\":\"ParentOrderUpdated\""))
                    .map(l -> l.replaceAll(".*\"step\":\"([^\"]*)\".*", "$1")).toList();
            assertThat(steps).containsExactly("started", "child #1", "child #2", "child #3", "child #4", "done");
            assertThat(Files.readAllLines(atAlpaca.dir().resolve("fills.jsonl"))).hasSize(4).allSatisfy(l -> assertThat(l).contains("\"price\":100.25"));
        }
    }
}
