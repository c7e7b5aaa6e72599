package io.tradeshell.brokers.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeshell.brokers.RestCalls;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Alpaca's {@code trade_updates} stream over the JDK's WebSocket: authenticate, listen, and hand
 * each update to {@code updates}. The paper stream sends binary frames and the live one text;
 * both are read as JSON. A ping goes out every {@code heartbeat}; when nothing has been heard
 * for three of them, or the connection drops, it reconnects with a doubling backoff and says so
 * through {@code reconnected}, so the broker can ask the REST API what it missed.
 */
public final class TradeUpdateStream implements AutoCloseable {
    private final URI url;
    private final String keyId, secretKey;
    private final Consumer<TradeUpdate> updates;
    private final Runnable reconnected;
    private final Duration heartbeat;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alpaca-trade-updates");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile WebSocket socket;
    private volatile long lastHeard;
    private volatile boolean closed;
    private volatile boolean everConnected;
    private long backoff = 500;

    public TradeUpdateStream(String url, String keyId, String secretKey, Consumer<TradeUpdate> updates, Runnable reconnected, Duration heartbeat) {
        this.url = URI.create(url);
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.updates = updates;
        this.reconnected = reconnected;
        this.heartbeat = heartbeat;
    }

    public TradeUpdateStream start() {
        connect();
        long every = heartbeat.toMillis();
        timer.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Whether the stream is connected and listening now. */
    public boolean connected() {
        return socket != null && !socket.isOutputClosed() && !socket.isInputClosed();
    }

    private void beat() {
        WebSocket s = socket;
        if (s == null || closed) return;
        if (System.currentTimeMillis() - lastHeard > 3 * heartbeat.toMillis()) {
            s.abort(); // silent for too long: a half-open connection; onError/onClose will not come, so reconnect here
            socket = null;
            reconnectLater();
            return;
        }
        s.sendPing(ByteBuffer.allocate(0));
    }

    private void connect() {
        if (closed) return;
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(url, new Listener()).whenComplete((ws, err) -> {
            if (err != null) {
                reconnectLater();
                return;
            }
            socket = ws;
            lastHeard = System.currentTimeMillis();
            ObjectNode auth = RestCalls.json().createObjectNode().put("action", "authenticate");
            auth.putObject("data").put("key_id", keyId).put("secret_key", secretKey);
            ws.sendText(auth.toString(), true).thenCompose(w -> w.sendText(
                    "{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}", true));
        });
    }

    private synchronized void reconnectLater() {
        if (closed) return;
        long wait = backoff;
        backoff = Math.min(backoff * 2, 30_000);
        timer.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
    }

    private void onMessage(String text) {
        lastHeard = System.currentTimeMillis();
        JsonNode msg;
        try {
            msg = RestCalls.json().readTree(text);
        } catch (java.io.IOException e) {
            return; // not JSON: nothing a trading session can act on
        }
        String stream = msg.path("stream").asText();
        if ("listening".equals(stream)) {
            synchronized (this) {
                backoff = 500;
            }
            if (everConnected) reconnected.run();
            everConnected = true;
        } else if ("trade_updates".equals(stream)) {
            updates.accept(TradeUpdate.parse(msg.path("data")));
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                onMessage(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            binary.writeBytes(b);
            if (last) {
                onMessage(binary.toString(StandardCharsets.UTF_8));
                binary.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            lastHeard = System.currentTimeMillis();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (socket == ws) socket = null;
            reconnectLater();
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (socket == ws) socket = null;
            reconnectLater();
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket s = socket;
        if (s != null) s.abort();
        timer.shutdownNow();
    }
}
