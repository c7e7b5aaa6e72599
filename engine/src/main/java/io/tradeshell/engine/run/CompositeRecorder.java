package io.tradeshell.engine.run;

import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.events.TradingEvent;
import java.util.List;

/**
 * Several recorders and listeners behind one recorder, called in the order given: whoever
 * must see an event first (a journal) comes first.
 */
public final class CompositeRecorder implements RunRecorder {
    private final RunRecorder[] recorders;
    private final EventListener[] listeners;

    public CompositeRecorder(List<RunRecorder> recorders, List<EventListener> listeners) {
        this.recorders = recorders.toArray(new RunRecorder[0]);
        this.listeners = listeners.toArray(new EventListener[0]);
    }

    @Override
    public void on(TradingEvent event) {
        for (RunRecorder r : recorders) r.on(event);
        for (EventListener l : listeners) l.on(event);
    }

    @Override
    public void onEquity(long time, double equity, double cash, double exposure, double benchmark) {
        for (RunRecorder r : recorders) r.onEquity(time, equity, cash, exposure, benchmark);
    }

    @Override
    public void finish(RunResult result) {
        for (RunRecorder r : recorders) r.finish(result);
    }
}
