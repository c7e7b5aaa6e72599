package io.tradeshell.brokers.alpaca;

import io.tradeshell.brokers.RestCalls;
import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.engine.broker.BrokerFactory;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.clock.SimulatedClock;
import io.tradeshell.engine.events.TradingEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** An Alpaca broker wired to a fake Alpaca, with everything it emits kept for the test to read. */
final class AlpacaDesk {
    final SimulatedClock clock = new SimulatedClock(1_709_562_600_000L);
    final List<TradingEvent> events = new CopyOnWriteArrayList<>();
    final List<Fill> fills = new CopyOnWriteArrayList<>();
    /** What the retries waited, instead of waiting it. */
    final List<Long> pauses = new CopyOnWriteArrayList<>();
    final AlpacaRest rest;
    final AlpacaBroker broker;

    AlpacaDesk(FakeAlpaca fake, List<String> symbols, Set<String> unanswered) {
        this(fake, symbols, unanswered, pausesRecorded -> { }, Duration.ofMinutes(2));
    }

    AlpacaDesk(FakeAlpaca fake, List<String> symbols, Set<String> unanswered, RestCalls.Pause extra, Duration unreachableLimit) {
        AlpacaEndpoints at = new AlpacaEndpoints(fake.url(), fake.url(), "ws://127.0.0.1:1/stream", "ws://127.0.0.1:1");
        rest = new AlpacaRest(at, FakeAlpaca.KEY, FakeAlpaca.SECRET, ms -> {
            pauses.add(ms);
            extra.sleep(ms);
        }, unreachableLimit);
        broker = new AlpacaBroker(rest, new ClientOrderIds("acct"), unanswered,
                new BrokerFactory.Wiring(clock, symbols, (slot, f) -> fills.add(f), events::add, null));
    }

    <T extends TradingEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
