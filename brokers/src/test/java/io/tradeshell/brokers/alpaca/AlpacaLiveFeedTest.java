package io.tradeshell.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.brokers.fakes.FakeWebSocket;
import io.tradeshell.engine.run.FeedSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AlpacaLiveFeedTest {
    @Test
    void streamedMinuteBarsAndTradesReachTheLoopAsBarsAndTicks() throws Exception {
        try (FakeWebSocket ws = new FakeWebSocket((c, msg) -> {
            if (msg.contains("\"auth\"")) c.sendText("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
            if (msg.contains("\"subscribe\"")) {
                c.sendText("[{\"T\":\"subscription\",\"trades\":[\"AAPL\"],\"quotes\":[],\"bars\":[\"AAPL\"]}]");
                c.sendText("[{\"T\":\"t\",\"S\":\"AAPL\",\"i\":96921,\"x\":\"V\",\"p\":187.31,\"s\":100,\"t\":\"2024-03-04T14:30:30.123Z\",\"c\":[\"@\"],\"z\":\"C\"},"
                        + "{\"T\":\"b\",\"S\":\"AAPL\",\"o\":187.2,\"h\":187.45,\"l\":187.1,\"c\":187.31,\"v\":12345,\"t\":\"2024-03-04T14:30:00Z\",\"n\":210,\"vw\":187.29}]");
            }
        }); AlpacaLiveFeed feed = new AlpacaLiveFeed(ws.url("/v2/iex"), FakeAlpaca.KEY, FakeAlpaca.SECRET, List.of("AAPL"), true)) {
            // Alpaca greets first, as soon as the connection is open
            ws.onOpen = c -> c.sendText("[{\"T\":\"success\",\"msg\":\"connected\"}]");
            feed.connect();
            List<String> seen = new ArrayList<>();
            FeedSink sink = new FeedSink() {
                public void onBar(int s, long t, double o, double h, double l, double c, double v) { seen.add("bar " + t + " " + o + " " + c + " " + v); }
                public void onTick(int s, long t, double p, double a) { seen.add("tick " + t + " " + p + " " + a); }
            };
            // next() returns without an event while nothing has come; a loaded machine may take a while
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (seen.size() < 2 && System.nanoTime() < deadline) assertThat(feed.next(sink)).isTrue();
            assertThat(seen).containsExactly("tick 1709562630123 187.31 100.0", "bar 1709562600000 187.2 187.31 12345.0");
            assertThat(ws.received.get(0)).isEqualTo("{\"action\":\"auth\",\"key\":\"" + FakeAlpaca.KEY + "\",\"secret\":\"" + FakeAlpaca.SECRET + "\"}");
            assertThat(ws.received.get(1)).isEqualTo("{\"action\":\"subscribe\",\"bars\":[\"AAPL\"],\"trades\":[\"AAPL\"]}");
            assertThat(feed.position()).isEqualTo(2);
        }
    }

    @Test
    void aDroppedStreamReconnectsAuthenticatesAndSubscribesAgainSayingSoWithoutTheKeys() throws Exception {
        AtomicInteger subscribed = new AtomicInteger();
        List<String> troubles = new CopyOnWriteArrayList<>();
        try (FakeWebSocket ws = new FakeWebSocket((c, msg) -> {
            if (msg.contains("\"auth\"")) c.sendText("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
            if (msg.contains("\"subscribe\"")) {
                int k = subscribed.incrementAndGet();
                c.sendText("[{\"T\":\"b\",\"S\":\"AAPL\",\"o\":187.2,\"h\":187.45,\"l\":187.1,\"c\":187.3" + k + ",\"v\":100,\"t\":\"2024-03-04T14:3" + k + ":00Z\"}]");
                if (k == 1) c.drop();
            }
        }); AlpacaLiveFeed feed = new AlpacaLiveFeed(ws.url("/v2/iex"), FakeAlpaca.KEY, FakeAlpaca.SECRET, List.of("AAPL"), false)) {
            ws.onOpen = c -> c.sendText("[{\"T\":\"success\",\"msg\":\"connected\"}]");
            feed.onTrouble(troubles::add).heartbeat(java.time.Duration.ofMillis(200)).connect();
            List<String> seen = new ArrayList<>();
            FeedSink sink = new FeedSink() {
                public void onBar(int s, long t, double o, double h, double l, double c, double v) { seen.add("bar " + t + " " + c); }
                public void onTick(int s, long t, double p, double a) { seen.add("tick"); }
            };
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (seen.size() < 2 && System.nanoTime() < deadline) assertThat(feed.next(sink)).isTrue();
            assertThat(seen).containsExactly("bar 1709562660000 187.31", "bar 1709562720000 187.32");
            assertThat(feed.connections()).isEqualTo(2);
            assertThat(ws.received).filteredOn(m -> m.contains("\"auth\"")).hasSize(2);
            assertThat(troubles).first().asString().startsWith("market data stream /v2/iex dropped: ").endsWith("; reconnecting in 500 ms");
            assertThat(String.join("\n", troubles)).doesNotContain(FakeAlpaca.KEY).doesNotContain(FakeAlpaca.SECRET);
        }
    }

    @Test
    void stocksUseTheIexFeedAndPairsTheCryptoFeed() {
        assertThat(AlpacaLiveFeed.streamUrl("wss://stream.data.alpaca.markets", List.of("AAPL", "MSFT"))).isEqualTo("wss://stream.data.alpaca.markets/v2/iex");
        assertThat(AlpacaLiveFeed.streamUrl("wss://stream.data.alpaca.markets", List.of("BTC/USD"))).isEqualTo("wss://stream.data.alpaca.markets/v1beta3/crypto/us");
    }
}
