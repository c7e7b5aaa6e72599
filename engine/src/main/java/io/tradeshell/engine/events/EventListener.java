package io.tradeshell.engine.events;

/** Receives a run's events in the order they happen. */
@FunctionalInterface
public interface EventListener {
    void on(TradingEvent event);
}
