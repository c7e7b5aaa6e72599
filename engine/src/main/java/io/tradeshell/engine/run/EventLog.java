package io.tradeshell.engine.run;

import io.tradeshell.engine.events.TradingEvent;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event of a run in memory, for tools that compare runs event by event. */
public final class EventLog implements RunRecorder {
    private final List<TradingEvent> events = new ArrayList<>();

    @Override
    public void on(TradingEvent event) {
        events.add(event);
    }

    @Override
    public void onEquity(long time, double equity, double cash, double exposure, double benchmark) { }

    public List<TradingEvent> events() {
        return events;
    }
}
