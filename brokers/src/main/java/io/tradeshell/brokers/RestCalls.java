package io.tradeshell.brokers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * JSON over HTTP to one broker, with the patience a trading session needs: a 429 waits for the
 * broker's {@code Retry-After} (or a doubling backoff), a 5xx or a lost connection is retried
 * with backoff, and when the broker has been out of reach for longer than {@code unreachableLimit}
 * the call gives up with {@link BrokerUnreachableException}. Other errors come back at once as
 * {@link BrokerHttpException}. Headers (which carry the credentials) are never put in a message.
 */
public final class RestCalls {
    /** How a retry waits; tests pass one that only records. */
    @FunctionalInterface
    public interface Pause {
        Pause REAL = millis -> Thread.sleep(millis);

        void sleep(long millis) throws InterruptedException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final Map<String, String> headers;
    private final Secrets secrets;
    private final Pause pause;
    private final Duration unreachableLimit;

    public RestCalls(Map<String, String> headers, Secrets secrets, Pause pause, Duration unreachableLimit) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.headers = Map.copyOf(headers);
        this.secrets = secrets;
        this.pause = pause;
        this.unreachableLimit = unreachableLimit;
    }

    public JsonNode get(String url) { return call("GET", url, null).orElseGet(JSON::nullNode); }
    public JsonNode post(String url, JsonNode body) { return call("POST", url, body).orElseGet(JSON::nullNode); }
    public JsonNode patch(String url, JsonNode body) { return call("PATCH", url, body).orElseGet(JSON::nullNode); }
    public JsonNode put(String url, JsonNode body) { return call("PUT", url, body).orElseGet(JSON::nullNode); }
    public JsonNode delete(String url) { return call("DELETE", url, null).orElseGet(JSON::nullNode); }

    /** GET that answers empty for a 404 (an order looked up by a client id that never reached the broker). */
    public Optional<JsonNode> find(String url) {
        try {
            return call("GET", url, null);
        } catch (BrokerHttpException e) {
            if (e.status() == 404) return Optional.empty();
            throw e;
        }
    }

    public static ObjectMapper json() { return JSON; }

    private Optional<JsonNode> call(String method, String url, JsonNode body) {
        String what = secrets.scrub(method + " " + pathOf(url));
        long waited = 0, backoff = 500;
        while (true) {
            long wait;
            String why;
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
                headers.forEach(b::header);
                if (body != null) b.header("Content-Type", "application/json");
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                if (status < 300) return Optional.of(r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body()));
                if (status == 429) {
                    wait = r.headers().firstValue("Retry-After").map(RestCalls::seconds).orElse(backoff);
                    why = "rate limited (429)";
                } else if (status >= 500) {
                    wait = backoff;
                    why = "HTTP " + status;
                } else {
                    throw new BrokerHttpException(status, what, secrets.scrub(errorMessage(r.body())));
                }
            } catch (IOException e) {
                wait = backoff;
                why = "no connection (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerUnreachableException(what + " interrupted");
            }
            if (waited + wait > unreachableLimit.toMillis()) {
                throw new BrokerUnreachableException(what + " unreachable for " + (waited / 1000) + " s (limit "
                        + unreachableLimit.toSeconds() + " s): " + why);
            }
            try {
                pause.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerUnreachableException(what + " interrupted while waiting to retry");
            }
            waited += wait;
            backoff = Math.min(backoff * 2, 30_000);
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(0, Long.parseLong(retryAfter.trim())) * 1000;
        } catch (NumberFormatException e) {
            return 1000;
        }
    }

    private static String errorMessage(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n.hasNonNull("message")) return n.get("message").asText();
            if (n.hasNonNull("errorMessage")) return n.get("errorMessage").asText();
        } catch (IOException | RuntimeException e) {
            // not JSON: the body itself, shortened
        }
        return body.length() > 200 ? body.substring(0, 200) : body;
    }

    private static String pathOf(String url) {
        URI u = URI.create(url);
        return u.getPath();
    }
}
