package io.tradeshell.brokers.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeshell.brokers.RestCalls;
import io.tradeshell.engine.run.Feed;
import io.tradeshell.engine.run.FeedSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Live minute bars from Alpaca's market data stream as a {@link Feed}: {@code /v2/iex} (the free
 * IEX feed) for stocks, {@code /v1beta3/crypto/us} for pairs like BTC/USD. Alpaca sends a bar
 * just after its minute closes, so each arrives closed, as the loop wants it; trades, when asked
 * for, come as ticks. {@link #next} waits for the next message, so the loop runs at the market's pace.
 */
public final class AlpacaLiveFeed implements Feed, AutoCloseable {
    private static final long MINUTE = 60_000;

    /** A bar or a trade, as it came off the stream. */
    private record Event(int slot, long time, double open, double high, double low, double close, double volume, boolean trade) { }

    private final List<String> symbols;
    private final Map<String, Integer> slots = new HashMap<>();
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final URI url;
    private final String keyId, secretKey;
    private final boolean trades;
    private volatile WebSocket socket;
    private volatile boolean closed;
    private long position;

    AlpacaLiveFeed(String url, String keyId, String secretKey, List<String> symbols, boolean trades) {
        this.url = URI.create(url);
        this.keyId = keyId;
        this.secretKey = secretKey;
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
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(url, new Listener()).thenAccept(ws -> socket = ws);
        return this;
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
                case "b" -> {
                    Integer slot = slots.get(m.path("S").asText());
                    if (slot != null) queue.add(new Event(slot, Instant.parse(m.path("t").asText()).toEpochMilli(), m.path("o").asDouble(),
                            m.path("h").asDouble(), m.path("l").asDouble(), m.path("c").asDouble(), m.path("v").asDouble(), false));
                }
                case "t" -> {
                    Integer slot = slots.get(m.path("S").asText());
                    double p = m.path("p").asDouble();
                    if (slot != null) queue.add(new Event(slot, Instant.parse(m.path("t").asText()).toEpochMilli(), p, p, p, p, m.path("s").asDouble(), true));
                }
                default -> { } // subscription echoes and errors: nothing to trade on
            }
        }
    }

    @Override public List<String> symbols() { return symbols; }
    @Override public long periodMillis(int slot) { return MINUTE; }
    @Override public int priceScale(int slot) { return -1; }
    @Override public long position() { return position; }

    @Override
    public boolean next(FeedSink sink) {
        Event e;
        try {
            do {
                e = queue.poll(250, TimeUnit.MILLISECONDS);
                if (closed) return false;
            } while (e == null);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
        position++;
        if (e.trade()) sink.onTick(e.slot(), e.time(), e.close(), e.volume());
        else sink.onBar(e.slot(), e.time(), e.open(), e.high(), e.low(), e.close(), e.volume());
        return true;
    }

    @Override
    public long peekBarTime() {
        Event e = queue.peek();
        return e == null || e.trade() ? Long.MAX_VALUE : e.time() + MINUTE;
    }

    @Override
    public void close() {
        closed = true;
        WebSocket s = socket;
        if (s != null) s.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
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
    }
}
