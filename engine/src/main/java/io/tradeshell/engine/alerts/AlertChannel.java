package io.tradeshell.engine.alerts;

/**
 * A place alerts go: the console, a log file, a chat webhook, an email inbox.
 *
 * <p>Failure behaviour: {@link #send} throws an unchecked exception (normally an
 * {@link AlertDeliveryException}) when the alert could not be delivered; it never retries and
 * never swallows the problem. Channels are driven by an {@link AlertRouter}, which sends from
 * its own thread, catches every such failure, counts it and reports it on the console, so a
 * failing channel never stops trading nor the other channels.
 */
public interface AlertChannel extends AutoCloseable {
    /** Delivers one alert, or throws saying why it could not. */
    void send(Alert alert);

    /**
     * True for a channel on this machine (the console, a log file): the router writes to it at
     * once, on the caller's thread, so every alert reaches it whatever the remote channels do.
     * A remote channel (a webhook, an inbox) gets its own queue and sending thread.
     */
    default boolean local() { return false; }

    /** A short name for problem reports, e.g. "webhook hooks.slack.com". Never holds a secret. */
    String name();

    /** Releases files, connections or threads the channel holds. */
    @Override
    default void close() { }
}
