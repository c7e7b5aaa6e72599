package io.tradeshell.brokers.oanda;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.brokers.RestCalls;
import io.tradeshell.brokers.Secrets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One of OANDA's streams (pricing or transactions), read on a thread of its own: newline-delimited
 * JSON, each line handed to {@code lines}. OANDA sends a heartbeat about every five seconds; a
 * stream silent for longer than {@code silenceLimit} counts as dropped. A dropped stream
 * reconnects with a doubling backoff (half a second up to 30 s) and, once connected again, calls
 * {@code reconnected} so what was missed can be asked for. Each trouble is one line to {@code
 * trouble}, naming the request; the token is never in it. A refusal (401, 403, 404) ends the
 * stream: retrying would not help.
 */
public final class OandaStream implements AutoCloseable {
    private final String url, what;
    private final Map<String, String> headers;
    private final Secrets secrets;
    private final Consumer<JsonNode> lines;
    private final Runnable reconnected;
    private final Consumer<String> trouble;
    private final Duration silenceLimit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile boolean closed;
    private volatile InputStream current;
    private volatile long lastHeard;
    private volatile int connections;
    private Thread reader, watchdog;

    OandaStream(String url, Map<String, String> headers, Secrets secrets, Consumer<JsonNode> lines, Runnable reconnected,
                Consumer<String> trouble, Duration silenceLimit) {
        this.url = url;
        this.what = secrets.scrub("GET " + URI.create(url).getPath());
        this.headers = Map.copyOf(headers);
        this.secrets = secrets;
        this.lines = lines;
        this.reconnected = reconnected;
        this.trouble = trouble;
        this.silenceLimit = silenceLimit;
    }

    public OandaStream start() {
        reader = Thread.ofPlatform().daemon().name("oanda-stream").start(this::readForever);
        watchdog = Thread.ofPlatform().daemon().name("oanda-stream-watchdog").start(this::watch);
        return this;
    }

    /** How many times the stream has connected so far. */
    public int connections() {
        return connections;
    }

    private void readForever() {
        long backoff = 500;
        while (!closed) {
            String why;
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
                headers.forEach(b::header);
                HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    String body;
                    try (InputStream in = r.body()) {
                        body = new String(in.readNBytes(300), StandardCharsets.UTF_8);
                    }
                    why = "HTTP " + r.statusCode() + " " + secrets.scrub(body.replaceAll("\\s+", " ").trim());
                    if (r.statusCode() == 401 || r.statusCode() == 403 || r.statusCode() == 404) {
                        trouble.accept(what + " refused: " + why + "; the stream is not retried");
                        return;
                    }
                } else {
                    current = r.body();
                    lastHeard = System.nanoTime();
                    if (connections++ > 0) reconnected.run();
                    backoff = 500;
                    why = read(r.body());
                }
            } catch (IOException e) {
                why = "no connection (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                return;
            } finally {
                current = null;
            }
            if (closed) return;
            trouble.accept(what + " dropped: " + why + "; reconnecting in " + backoff + " ms");
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(backoff * 2, 30_000);
        }
    }

    /** Reads lines until the stream ends; returns why it ended. */
    private String read(InputStream body) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lastHeard = System.nanoTime();
                if (line.isBlank()) continue;
                JsonNode n;
                try {
                    n = RestCalls.json().readTree(line);
                } catch (IOException e) {
                    trouble.accept(what + " sent a line that is not JSON (" + line.length() + " characters); skipped");
                    continue;
                }
                lines.accept(n);
            }
            return ended("the stream ended");
        } catch (IOException e) {
            return ended("read failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private String ended(String otherwise) {
        return closed ? "closed" : silent() ? "silent for more than " + silenceLimit.toMillis() + " ms" : otherwise;
    }

    private boolean silent() {
        return System.nanoTime() - lastHeard > silenceLimit.toNanos();
    }

    /** Closes a stream that has been silent too long, so the reader reconnects. */
    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(Math.max(50, Math.min(1000, silenceLimit.toMillis() / 4)));
            } catch (InterruptedException e) {
                return;
            }
            InputStream in = current;
            if (in != null && silent()) closeQuietly(in);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing is all that is wanted
        }
    }

    @Override
    public void close() {
        closed = true;
        InputStream in = current;
        if (in != null) closeQuietly(in);
        if (reader != null) reader.interrupt();
        if (watchdog != null) watchdog.interrupt();
    }
}
