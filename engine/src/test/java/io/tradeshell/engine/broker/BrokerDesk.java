package io.tradeshell.engine.broker;

import io.tradeshell.engine.clock.SimulatedClock;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.events.TradingEvent.OrderEvent;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderStatus;
import java.util.ArrayList;
import java.util.List;

/** A simulated broker for one symbol "X" with a clock, driven bar by bar the way the event loop drives it. */
final class BrokerDesk {
    /** 2024-01-01T00:00:00Z. */
    static final long START = 1_704_067_200_000L;
    static final long DAY = 86_400_000L;
    static final long HOUR = 3_600_000L;

    final SimulatedClock clock = new SimulatedClock(START);
    final List<Fill> fills = new ArrayList<>();
    final List<TradingEvent> events = new ArrayList<>();
    final SimulatedBroker broker;
    FillHandler onFill = (slot, f) -> { };

    BrokerDesk(ExecutionSettings settings) {
        broker = new SimulatedBroker(settings, clock, List.of("X"), (slot, f) -> {
            fills.add(f);
            onFill.onFill(slot, f);
        }, events::add);
    }

    /** Daily bar {@code day}: it opens at START + day days; orders are matched, then it closes. */
    void bar(int day, double open, double high, double low, double close, double volume) {
        bar(START + day * DAY, DAY, open, high, low, close, volume);
    }

    void bar(long openTime, long period, double open, double high, double low, double close, double volume) {
        clock.advanceTo(openTime);
        broker.onBar(0, openTime, open, high, low, volume);
        clock.advanceTo(openTime + period);
        broker.onClose(0, close);
    }

    /** Every status order {@code id} went through, in order. */
    List<OrderStatus> statuses(long id) {
        List<OrderStatus> out = new ArrayList<>();
        for (TradingEvent e : events) {
            if (e instanceof OrderEvent oe && oe.order().id() == id) out.add(oe.order().status());
        }
        return out;
    }

    <T extends TradingEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
