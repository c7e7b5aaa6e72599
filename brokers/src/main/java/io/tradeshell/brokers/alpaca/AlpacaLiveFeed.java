package io.tradeshell.brokers.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeshell.brokers.RestCalls;
import io.tradeshell.brokers.StreamedEvents;
import io.tradeshell.engine.run.Feed;
import io.tradeshell.engine.run.FeedSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Live minute bars from Alpaca's market data stream as a {@link Feed}: {@code /v2/iex} (the free
 * IEX feed) for stocks, {@code /v1beta3/crypto/us} for pairs like BTC/USD. Alpaca sends a bar
 * just after its minute closes, so each arrives closed, as the loop wants it; trades, when asked
 * for, come as ticks. {@link #next} waits briefly for the next message and returns without one
 * when none came ({@link StreamedEvents}), so a session looks at its commands while the market is quiet.
 * A dropped stream reconnects with a doubling backoff (half a second up to 30 s), authenticates
 * and subscribes again; each drop is one line to the trouble listener, never with the keys.
 */
public final class AlpacaLiveFeed implements Feed, AutoCloseable {
    private static final long MINUTE = 60_000;

    private final List<String> symbols;
    private final Map<String, Integer> slots = new HashMap<>();
    private final StreamedEvents events = new StreamedEvents(MINUTE);
    private final URI url;
    private final String keyId, secretKey;
    private final io.tradeshell.brokers.Secrets secrets;
    private final boolean trades;
    private volatile WebSocket socket;
    private volatile java.util.function.Consumer<String> trouble = m -> { };
    private volatile long backoff = 500;
    private volatile long lastHeard;
    private Duration heartbeat = Duration.ofSeconds(10);
    private Thread beater;
    private volatile int connections;

    AlpacaLiveFeed(String url, String keyId, String secretKey, List<String> symbols, boolean trades) {
        this.url = URI.create(url);
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.secrets = io.tradeshell.brokers.Secrets.of(keyId, secretKey);
        this.symbols = List.copyOf(symbols);
        this.trades = trades;
        for (int k = 0; k < symbols.size(); k++) slots.put(symbols.get(k), k);
    }

    /** The stream for {@code symbols}: all stocks (IEX) or all crypto pairs; {@code streamBase} is {@code APCA_API_DATA_STREAM_URL}. */
    public static String streamUrl(String streamBase, List<String> symbols) {
        boolean crypto = symbols.stream().allMatch(AlpacaRest::isCrypto);
        if (!crypto && symbols.stream().anyMatch(AlpacaRest::isCrypto)) {
            throw new IllegalArgumentException("one live feed carries stocks or crypto pairs, not both: " + symbols);
        }
        return streamBase + (crypto ? "/v1beta3/crypto/us" : "/v2/iex");
    }

    public AlpacaLiveFeed connect() {
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(url, new Listener()).whenComplete((ws, failed) -> {
            if (failed != null) reconnectLater("no connection (" + failed.getClass().getSimpleName() + ")");
            else {
                lastHeard = System.nanoTime();
                socket = ws;
                connections++;
                backoff = 500;
            }
        });
        synchronized (this) {
            if (beater == null) beater = Thread.ofPlatform().daemon().name("alpaca-feed-heartbeat").start(this::beat);
        }
        return this;
    }

    /** How often the stream is pinged; silent for three of these, it counts as dropped (a half-open connection says nothing). */
    AlpacaLiveFeed heartbeat(Duration every) {
        this.heartbeat = every;
        return this;
    }

    private void beat() {
        while (!events.closed()) {
            try {
                Thread.sleep(heartbeat.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            WebSocket s = socket;
            if (s == null || events.closed()) continue;
            if (System.nanoTime() - lastHeard > 3 * heartbeat.toNanos()) {
                socket = null;
                s.abort();
                reconnectLater("silent for more than " + 3 * heartbeat.toMillis() + " ms");
            } else {
                s.sendPing(ByteBuffer.allocate(0));
            }
        }
    }

    /** The current connection failed: reconnect, once (an error and a close may both come). */
    private void lost(WebSocket ws, String why) {
        if (ws != socket) return;
        socket = null;
        reconnectLater(why);
    }

    /** Hears each trouble of the stream (a drop, a refusal), one line naming the stream. */
    public AlpacaLiveFeed onTrouble(java.util.function.Consumer<String> listener) {
        this.trouble = listener;
        return this;
    }

    /** How many times the stream has connected. */
    public int connections() {
        return connections;
    }

    private void reconnectLater(String why) {
        if (events.closed()) return;
        long wait = backoff;
        backoff = Math.min(wait * 2, 30_000);
        trouble.accept(secrets.scrub("market data stream " + url.getPath() + " dropped: " + why + "; reconnecting in " + wait + " ms"));
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            if (!events.closed()) connect();
        });
    }

    private void subscribe(WebSocket ws) {
        ObjectNode sub = RestCalls.json().createObjectNode().put("action", "subscribe");
        ArrayNode bars = sub.putArray("bars");
        symbols.forEach(bars::add);
        if (trades) {
            ArrayNode t = sub.putArray("trades");
            symbols.forEach(t::add);
        }
        ws.sendText(sub.toString(), true);
    }

    private void onMessage(WebSocket ws, String text) throws java.io.IOException {
        for (JsonNode m : RestCalls.json().readTree(text)) {
            switch (m.path("T").asText()) {
                case "success" -> {
                    if ("connected".equals(m.path("msg").asText())) {
                        ws.sendText(RestCalls.json().createObjectNode().put("action", "auth").put("key", keyId).put("secret", secretKey).toString(), true);
                    } else if ("authenticated".equals(m.path("msg").asText())) {
                        subscribe(ws);
                    }
                }
                case "error" -> trouble.accept(secrets.scrub("market data stream " + url.getPath() + " answered error " + m.path("code").asText() + " "
                        + m.path("msg").asText()));
                case "b" -> {
                    Integer slot = slots.get(m.path("S").asText());
                    if (slot != null) events.bar(slot, Instant.parse(m.path("t").asText()).toEpochMilli(), m.path("o").asDouble(),
                            m.path("h").asDouble(), m.path("l").asDouble(), m.path("c").asDouble(), m.path("v").asDouble());
                }
                case "t" -> {
                    Integer slot = slots.get(m.path("S").asText());
                    double p = m.path("p").asDouble();
                    if (slot != null) events.tick(slot, Instant.parse(m.path("t").asText()).toEpochMilli(), p, m.path("s").asDouble());
                }
                default -> { } // subscription echoes and errors: nothing to trade on
            }
        }
    }

    @Override public List<String> symbols() { return symbols; }
    @Override public long periodMillis(int slot) { return MINUTE; }
    @Override public int priceScale(int slot) { return -1; }
    @Override public long position() { return events.position(); }
    @Override public boolean next(FeedSink sink) { return events.next(sink); }
    @Override public long peekBarTime() { return events.peekBarTime(); }

    @Override
    public void close() {
        events.close();
        WebSocket s = socket;
        if (s != null) s.abort();
        if (beater != null) beater.interrupt();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            lastHeard = System.nanoTime();
            text.append(data);
            if (last) {
                try {
                    onMessage(ws, text.toString());
                } catch (java.io.IOException e) {
                    // a message that is not JSON carries nothing to trade on
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            return onText(ws, StandardCharsets.UTF_8.decode(data), last);
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            lastHeard = System.nanoTime();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            lost(ws, "closed by the server (" + status + ")");
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            lost(ws, "read failed (" + error.getClass().getSimpleName() + ")");
        }
    }
}
