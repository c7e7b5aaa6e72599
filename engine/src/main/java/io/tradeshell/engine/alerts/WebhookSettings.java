package io.tradeshell.engine.alerts;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where to post alerts as JSON (a Slack incoming webhook or anything taking {@code {"text": ...}}).
 *
 * @param url     an http or https address; its path may hold a secret token, so it is never printed whole
 * @param timeout how long to wait for the connection and for the answer
 */
public record WebhookSettings(URI url, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public WebhookSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("webhook url must be an http or https address, was " + url);
        }
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("webhook timeout must be positive");
    }

    /** The address without its path and query, safe to print: {@code https://hooks.slack.com}. */
    public String site() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "");
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + site() + "/..., timeout=" + timeout + "]";
    }
}
