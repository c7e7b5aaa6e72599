package io.tradeshell.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeshell.brokers.Adoption;
import io.tradeshell.brokers.JournalHoldings;
import io.tradeshell.brokers.Reconciliation;
import io.tradeshell.brokers.RestCalls;
import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.engine.paper.AccountFiles;
import io.tradeshell.engine.paper.JournalAccount;
import io.tradeshell.engine.paper.PaperSession;
import io.tradeshell.engine.strategy.Strategy;
import io.tradeshell.engine.strategy.StrategyFactory;
import io.tradeshell.engine.strategy.TradingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --adopt}: Alpaca holds a position and a working order the new account's journal does not
 * know; adopting writes them into the journal as the account's own, so a restart finds nothing
 * to report and the resume re-runs them like any other line.
 */
class AlpacaAdoptionTest {
    /** A strategy that only watches: whatever the account holds came from the adoption. */
    private static StrategyFactory watching(AtomicInteger barsSeen) {
        return new StrategyFactory() {
            public String name() { return "watching"; }
            public Map<String, Object> params() { return Map.of(); }
            public Strategy create(TradingContext ctx) {
                return new Strategy() {
                    public void onBar(int i) { barsSeen.incrementAndGet(); }
                    public int warmupBars() { return 0; }
                };
            }
        };
    }

    /** 10 AAPL at an average of 185.2, and a limit sell of 5 at 200 someone placed by hand. */
    private static void brokerHoldsMore(FakeAlpaca fake) {
        fake.positions = RestCalls.json().createArrayNode().add(FakeAlpaca.fixture("positions.json").get(0));
        ObjectNode o = (ObjectNode) FakeAlpaca.fixture("order.json");
        o.put("id", "99999999-0000-4000-8000-000000000001").put("client_order_id", "by-hand-1").put("type", "limit").put("order_type", "limit")
                .put("side", "sell").put("qty", "5").put("limit_price", "200").put("time_in_force", "gtc").put("status", "new");
        fake.orders.put(o.path("id").asText(), o);
    }

    private static Reconciliation reconcileWithJournal(AlpacaSessionFixture f, AccountFiles files) {
        JournalHoldings journal = JournalHoldings.of(JournalAccount.rebuild(f.config, files.journal()).account(), new ClientOrderIds("acct")::of);
        Map<String, Double> atBroker = new java.util.HashMap<>();
        f.rest.positions().forEach(p -> atBroker.put(p.symbol(), p.qty()));
        Set<String> orders = new java.util.HashSet<>();
        f.rest.openOrders().forEach(o -> orders.add(o.clientOrderId()));
        return new Reconciliation(journal.positions(), journal.workingOrders(), atBroker, orders);
    }

    @Test
    void adoptedPositionsAndOrdersAreJournaledSoARestartFindsNothingToReport(@TempDir Path tmp) throws Exception {
        try (FakeAlpaca fake = new FakeAlpaca()) {
            brokerHoldsMore(fake);
            AtomicInteger bars = new AtomicInteger();
            AlpacaSessionFixture f = new AlpacaSessionFixture(fake, tmp, watching(bars));
            AccountFiles files = f.home.account("acct");
            assertThat(reconcileWithJournal(f, files).report("Alpaca")).isEqualTo("""
                    Alpaca differs from the journal in 2 place(s):
                      position AAPL: the journal holds 0, the broker 10 (a position the journal does not know)
                      order by-hand-1 is working at the broker but not in the journal""");
            Adoption adoption = f.rest.adoption(JournalHoldings.NONE);
            Path script = Files.writeString(tmp.resolve("s.groovy"), "// a copy\n");

            // the user adopts; the session stops after three bars, as 'paper stop' would
            PaperSession.start(files, f.config, script, f.spec, f.feed(), PaperSession.Wiring.quiet().withInterrupt(() -> bars.get() >= 3))
                    .withBroker(AlpacaBroker.factory(f.rest, new ClientOrderIds("acct"), Set.of(), b -> {
                        f.broker.set(b);
                        b.adopt(adoption);
                    })).run();

            List<String> journal = Files.readAllLines(files.journal());
            assertThat(journal).filteredOn(l -> l.contains("\"type\":\"Note\"")).extracting(l -> l.replaceAll(".*\"message\":\"([^\"]*)\".*", "$1"))
                    .containsExactly("adopted Alpaca's position AAPL 10.0 at 185.2 as order #1", "adopted Alpaca's working order by-hand-1 as order #2");
            assertThat(journal).filteredOn(l -> l.contains("\"type\":\"OrderFilled\""))
                    .singleElement().asString().contains("\"tag\":\"adopted\"", "\"fill\":{\"orderId\":1,\"symbol\":\"AAPL\",\"side\":\"BUY\",\"qty\":10.0,\"price\":185.2,\"commission\":0.0");
            assertThat(journal).filteredOn(l -> l.contains("\"type\":\"OrderAccepted\"") && l.contains("\"id\":2,"))
                    .singleElement().asString().contains("\"type\":\"LIMIT\"", "\"side\":\"SELL\"", "\"qty\":5.0", "\"limitPrice\":200.0", "\"tag\":\"adopted:by-hand-1\"");
            assertThat(fake.submits()).as("orders sent").isZero();

            // the next start: nothing to report, and the resume re-runs the adoption from the journal
            assertThat(reconcileWithJournal(f, files).report("Alpaca")).isEqualTo("Alpaca agrees with the journal: 1 position(s), 1 open order(s)");
            assertThat(f.rest.adoption(JournalHoldings.of(JournalAccount.rebuild(f.config, files.journal()).account(), new ClientOrderIds("acct")::of))
                    .isEmpty()).isTrue();
            PaperSession s = PaperSession.resume(files, f.config, f.spec, f.feed(), PaperSession.Wiring.quiet(), false);
            PaperSession.Outcome resumed = s.withBroker(AlpacaBroker.resuming(f.rest, new ClientOrderIds("acct"), s.journalReplay(), f.broker::set)).run();

            assertThat(resumed.replayedLines()).isGreaterThan(0);
            assertThat(resumed.status().positions()).singleElement().satisfies(p -> {
                assertThat(p.symbol()).isEqualTo("AAPL");
                assertThat(p.qty()).isEqualTo(10);
            });
            assertThat(resumed.status().openOrders()).extracting(o -> o.id() + " " + o.side() + " " + o.qty() + " " + o.tag())
                    .containsExactly("2 SELL 5.0 adopted:by-hand-1");
            assertThat(resumed.status().cash()).isEqualTo(100_000 - 10 * 185.2);
            assertThat(fake.submits()).as("orders sent").isZero();
            assertThat(fake.requests).filteredOn(r -> r.startsWith("GET /v2/orders:by_client_order_id"))
                    .allMatch(r -> r.contains("client_order_id=by-hand-1 "));
        }
    }
}
