package io.tradeshell.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.brokers.alpaca.AlpacaEndpoints;
import io.tradeshell.brokers.alpaca.AlpacaPosition;
import io.tradeshell.brokers.alpaca.AlpacaRest;
import io.tradeshell.brokers.fakes.FakeAlpaca;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    @Test
    void anExtraPositionAndAMissingOrderAtTheBrokerAreEachReported() throws Exception {
        try (FakeAlpaca fake = new FakeAlpaca()) {
            AlpacaRest rest = new AlpacaRest(new AlpacaEndpoints(fake.url(), fake.url(), "ws://x", "ws://x"), FakeAlpaca.KEY, FakeAlpaca.SECRET,
                    ms -> { }, Duration.ofSeconds(5));
            Map<String, Double> atBroker = rest.positions().stream().collect(Collectors.toMap(AlpacaPosition::symbol, AlpacaPosition::qty));
            Set<String> brokerOrders = rest.openOrders().stream().map(o -> o.clientOrderId()).collect(Collectors.toSet());
            // the journal: 10 AAPL (as at the broker), no bitcoin, and a working stop the broker does not have
            Reconciliation r = new Reconciliation(Map.of("AAPL", 10.0), Set.of("ts-acct-7"), atBroker, brokerOrders);
            assertThat(r.agrees()).isFalse();
            assertThat(r.report("Alpaca")).isEqualTo("""
                    Alpaca differs from the journal in 2 place(s):
                      position BTCUSD: the journal holds 0, the broker 0.0125 (a position the journal does not know)
                      order ts-acct-7 is working in the journal but not at the broker""");
            assertThat(new Reconciliation(Map.of("AAPL", 10.0, "BTCUSD", 0.0125), Set.of(), atBroker, brokerOrders).report("Alpaca"))
                    .isEqualTo("Alpaca agrees with the journal: 2 position(s), 0 open order(s)");
        }
    }
}
