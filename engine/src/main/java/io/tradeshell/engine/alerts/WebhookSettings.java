package io.tradeshell.engine.alerts;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            throw new IllegalArgumentException("webhook url must be an http or https address, was " + masked(url.toString()));
        }
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("webhook timeout must be positive");
    }

    private static final Pattern SITE = Pattern.compile("^(?:([A-Za-z][A-Za-z0-9+.-]*):/*)?(?:[^@/?#]*@)?([^/?#:@]*)(:[0-9]{1,5})?");

    /**
     * An address as it may be printed, even a mistyped one: its scheme, host and port, with any
     * login, path, query or fragment (where webhook tokens live) shown as {@code /...}.
     * {@code https://bot:pw@hooks.slack.com/services/T0/B0/XYZ} gives {@code https://hooks.slack.com/...}.
     */
    public static String masked(String address) {
        String a = address.strip();
        Matcher m = SITE.matcher(a);
        if (!m.find()) return "...";
        String shown = (m.group(1) == null ? "" : m.group(1) + "://") + m.group(2) + (m.group(3) == null ? "" : m.group(3));
        return m.end() < a.length() || a.contains("@") ? shown + "/..." : shown;
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
