package io.tradeshell.brokers;

/** The broker could not be reached (or kept refusing) for longer than the session's limit. */
public final class BrokerUnreachableException extends RuntimeException {
    public BrokerUnreachableException(String message) {
        super(message);
    }
}
