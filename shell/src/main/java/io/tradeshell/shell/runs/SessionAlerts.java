package io.tradeshell.shell.runs;

import io.tradeshell.engine.events.EventListener;

/**
 * Where live runs and paper sessions hand their events to the alert channels: the one place
 * alerts are hooked in. Each session passes every live event here (never replayed ones), risk
 * denials and trading-state changes included; the channels pick what they report.
 */
public final class SessionAlerts {
    private SessionAlerts() { }

    /** The listener for a session's alerts; {@code source} names the run or account. */
    public static EventListener forSession(String source) {
        // Alert channels (io.tradeshell.engine.alerts) are attached here.
        return event -> { };
    }
}
