package io.tradeshell.brokers;

/** A broker answered a request with an error status; {@code message} is the broker's own, scrubbed of secrets. */
public final class BrokerHttpException extends RuntimeException {
    private final int status;

    public BrokerHttpException(int status, String what, String message) {
        super(what + " failed: HTTP " + status + (message.isBlank() ? "" : " " + message));
        this.status = status;
    }

    public int status() { return status; }
}
