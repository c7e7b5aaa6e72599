package io.tradeshell.engine.broker;

import io.tradeshell.engine.clock.Clock;
import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.execution.ExecutionSettings;
import java.util.List;

/**
 * How a run gets its broker: the loop hands over its clock, its symbols in slot order, where
 * fills go and where events go, and the account fills are checked against. Which factory is
 * plugged in is part of choosing the mode, like the feed.
 */
@FunctionalInterface
public interface BrokerFactory {
    Broker open(Wiring wiring);

    /** The parts of a run a broker is connected to. */
    record Wiring(Clock clock, List<String> symbols, FillHandler fills, EventListener events, AccountBalance account) {
        public Wiring {
            symbols = List.copyOf(symbols);
        }
    }

    /** The simulated broker with {@code settings}, checking every fill against the account under {@code rule}. */
    static BrokerFactory simulated(ExecutionSettings settings, BuyingPower rule) {
        return w -> new SimulatedBroker(settings, w.clock(), w.symbols(), w.fills(), w.events()).checkBuyingPower(w.account(), rule);
    }
}
