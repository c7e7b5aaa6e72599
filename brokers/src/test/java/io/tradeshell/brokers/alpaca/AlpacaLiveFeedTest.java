package io.tradeshell.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.brokers.fakes.FakeWebSocket;
import io.tradeshell.engine.run.FeedSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AlpacaLiveFeedTest {
    @Test
    @Timeout(120) // a live feed waits for the next message forever; a broken exchange must fail the test, not hang the build
    void streamedMinuteBarsAndTradesReachTheLoopAsBarsAndTicks() throws Exception {
        try (FakeWebSocket ws = new FakeWebSocket((c, msg) -> {
            if (msg.contains("\"auth\"")) c.sendText("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
            if (msg.contains("\"subscribe\"")) {
                c.sendText("[{\"T\":\"subscription\",\"trades\":[\"AAPL\"],\"quotes\":[],\"bars\":[\"AAPL\"]}]");
                c.sendText("[{\"T\":\"t\",\"S\":\"AAPL\",\"i\":96921,\"x\":\"V\",\"p\":187.31,\"s\":100,\"t\":\"2024-03-04T14:30:30.123Z\",\"c\":[\"@\"],\"z\":\"C\"},"
                        + "{\"T\":\"b\",\"S\":\"AAPL\",\"o\":187.2,\"h\":187.45,\"l\":187.1,\"c\":187.31,\"v\":12345,\"t\":\"2024-03-04T14:30:00Z\",\"n\":210,\"vw\":187.29}]");
            }
        }); AlpacaLiveFeed feed = new AlpacaLiveFeed(ws.url("/v2/iex"), FakeAlpaca.KEY, FakeAlpaca.SECRET, List.of("AAPL"), true)) {
            // Alpaca greets first; the fake does it as soon as the client is in
            Thread greeter = new Thread(() -> {
                // a loaded machine can take seconds to connect; the test's timeout bounds the wait
                while (ws.current() == null) sleep();
                sleep();
                ws.current().sendText("[{\"T\":\"success\",\"msg\":\"connected\"}]");
            });
            greeter.setDaemon(true);
            greeter.start();
            feed.connect();
            List<String> seen = new ArrayList<>();
            FeedSink sink = new FeedSink() {
                public void onBar(int s, long t, double o, double h, double l, double c, double v) { seen.add("bar " + t + " " + o + " " + c + " " + v); }
                public void onTick(int s, long t, double p, double a) { seen.add("tick " + t + " " + p + " " + a); }
            };
            assertThat(feed.next(sink)).isTrue();
            assertThat(feed.next(sink)).isTrue();
            assertThat(seen).containsExactly("tick 1709562630123 187.31 100.0", "bar 1709562600000 187.2 187.31 12345.0");
            assertThat(ws.received.get(0)).isEqualTo("{\"action\":\"auth\",\"key\":\"" + FakeAlpaca.KEY + "\",\"secret\":\"" + FakeAlpaca.SECRET + "\"}");
            assertThat(ws.received.get(1)).isEqualTo("{\"action\":\"subscribe\",\"bars\":[\"AAPL\"],\"trades\":[\"AAPL\"]}");
            assertThat(feed.position()).isEqualTo(2);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void stocksUseTheIexFeedAndPairsTheCryptoFeed() {
        assertThat(AlpacaLiveFeed.streamUrl("wss://stream.data.alpaca.markets", List.of("AAPL", "MSFT"))).isEqualTo("wss://stream.data.alpaca.markets/v2/iex");
        assertThat(AlpacaLiveFeed.streamUrl("wss://stream.data.alpaca.markets", List.of("BTC/USD"))).isEqualTo("wss://stream.data.alpaca.markets/v1beta3/crypto/us");
    }
}
