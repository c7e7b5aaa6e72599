package io.tradeshell.engine.alerts;

/** An alert channel could not deliver an alert; the message says where and why. */
public final class AlertDeliveryException extends RuntimeException {
    public AlertDeliveryException(String message) {
        super(message);
    }

    public AlertDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
