package io.tradeshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tradeshell.brokers.fakes.FakeAlpaca;
import io.tradeshell.brokers.fakes.FakeWebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paper start --feed alpaca --broker alpaca} from the command line, against the fake
 * Alpaca on 127.0.0.1: minute bars from its market data stream make the SMA crossover buy and
 * sell, the orders go to its REST API, which fills them at once, and no key is written anywhere.
 */
class AlpacaFeedSessionCommandTest {
    /** Closes that make SMA(2) cross over SMA(4) at the sixth bar and under it at the tenth. */
    static final double[] CLOSES = {100, 99, 98, 97, 97, 99, 102, 105, 104, 100, 96, 94, 92, 92, 93, 95, 98};
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    static final Instant FIRST = Instant.parse("2024-03-04T14:30:00Z");

    /** The bars of {@link #CLOSES} from the {@code from}th, one a minute, as the market data stream sends them. */
    static String bars(int from, int to) {
        StringBuilder b = new StringBuilder("[");
        for (int k = from; k < to; k++) {
            if (k > from) b.append(',');
            b.append("{\"T\":\"b\",\"S\":\"AAPL\",\"o\":").append(CLOSES[k]).append(",\"h\":").append(CLOSES[k] + 0.5).append(",\"l\":").append(CLOSES[k] - 0.5)
                    .append(",\"c\":").append(CLOSES[k]).append(",\"v\":1000,\"t\":\"").append(FIRST.plusSeconds(60L * k)).append("\"}");
        }
        return b.append(']').toString();
    }

    /**
     * Alpaca's two streams on one fake: market data (auth, subscribe) and trade updates
     * (authenticate, listen). The first subscription gets the bars up to {@code LIVE}, a later
     * one (a resumed session) the last bar it had, sent again, and the rest.
     */
    static final int LIVE = 14;

    static FakeWebSocket streams() throws Exception {
        java.util.concurrent.atomic.AtomicInteger subscriptions = new java.util.concurrent.atomic.AtomicInteger();
        FakeWebSocket ws = new FakeWebSocket((c, msg) -> {
            if (msg.contains("\"action\":\"auth\"")) c.sendText("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
            if (msg.contains("\"subscribe\"")) c.sendText(subscriptions.incrementAndGet() == 1 ? bars(0, LIVE) : bars(LIVE - 1, CLOSES.length));
            if (msg.contains("\"authenticate\"")) c.sendBinary(FakeAlpaca.fixtureText("authorized.json"));
            if (msg.contains("\"listen\"")) c.sendBinary(FakeAlpaca.fixtureText("listening.json"));
        });
        ws.onOpen = c -> {
            if (c.path().startsWith("/v2/iex")) c.sendText("[{\"T\":\"success\",\"msg\":\"connected\"}]");
        };
        return ws;
    }

    static Path keys(Path tmp, FakeAlpaca fake, FakeWebSocket ws) throws Exception {
        Path keys = tmp.resolve("alpaca.env");
        Files.writeString(keys, "APCA_API_KEY_ID=" + FakeAlpaca.KEY + "\nAPCA_API_SECRET_KEY=" + FakeAlpaca.SECRET + "\nAPCA_API_BASE_URL=" + fake.url()
                + "\nAPCA_API_DATA_URL=" + fake.url() + "\nAPCA_API_STREAM_URL=" + ws.url("/stream") + "\nAPCA_API_DATA_STREAM_URL=" + ws.url("") + "\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        return keys;
    }

    /** Waits for the session to have taken every bar, then stops it as an operator would (bounded: a hung session fails the test). */
    static CliTestSupport.Outcome stopAfter(int bars, Path home, String name, CompletableFuture<CliTestSupport.Outcome> session) throws Exception {
        Path status = home.resolve("paper/" + name + "/status.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!session.isDone() && !(Files.exists(status) && JSON.readTree(status.toFile()).path("feed").path("position").asInt() >= bars)) {
            assertThat(System.nanoTime()).as("the session took every bar").isLessThan(deadline);
            Thread.sleep(50);
        }
        if (session.isDone()) return session.get(); // it ended by itself: its outcome says why
        var stop = CliTestSupport.run("paper", "stop", name, "--home", home.toString());
        assertThat(stop.exitCode()).as(stop.out() + stop.err()).isZero();
        return session.get(120, TimeUnit.SECONDS);
    }

    @Test
    void aScriptTradesOnAlpacasMinuteBarsWithItsOrdersAtAlpacaAndNoKeyAnywhere(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getenv("APCA_API_KEY_ID") == null && System.getenv("APCA_API_BASE_URL") == null);
        try (FakeAlpaca fake = new FakeAlpaca(); FakeWebSocket ws = streams()) {
            // the market fills a market order at once, in Alpaca's answer
            fake.onOrderCreated = o -> o.put("filled_qty", o.path("qty").asText()).put("filled_avg_price", "104.5").put("status", "filled");
            fake.positions = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            Path keys = keys(tmp, fake, ws), home = tmp.resolve("home");
            CompletableFuture<CliTestSupport.Outcome> started = CompletableFuture.supplyAsync(() -> CliTestSupport.run("paper", "start", "acct",
                    CliTestSupport.path("strategies/sma_crossover.groovy"), "--home", home.toString(), "--no-charts", "--quiet",
                    "--param", "fast=2", "--param", "slow=4", "--param", "qty=10", "--feed", "alpaca", "--symbols", "AAPL", "--broker", "alpaca",
                    "--credentials", keys.toString()));
            var outcome = stopAfter(LIVE, home, "acct", started);

            assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
            assertThat(outcome.out()).contains("prices come live from alpaca for AAPL in bars of 1m", "orders go to Alpaca paper at " + fake.url());
            // the warm-up: the fake's three bars of history, all closed before the session started, fetched as minute bars up to the start
            assertThat(outcome.out()).containsPattern("warm-up: 3 bars of AAPL from alpaca, the last opening 2024-01-04T05:00:00Z, before 20\\d\\d-");
            assertThat(fake.requests).filteredOn(r -> r.startsWith("GET /v2/stocks/bars")).first().asString()
                    .startsWith("GET /v2/stocks/bars?symbols=AAPL&timeframe=1Min&start=").contains("&end=");
            // the costs are Alpaca's, not the simulated model's
            assertThat(outcome.out()).contains("  fills Alpaca's own: prices and fees as Alpaca reported them (costs below, tca.jsonl); no simulated slippage or commission")
                    .contains("  costs   2 orders (2 filled): slippage median ").doesNotContain("slippage 5 bps").doesNotContain("(assumed");
            assertThat(JSON.readTree(home.resolve("paper/acct/summary.json").toFile()).path("assumptions").get(0).asText())
                    .startsWith("Orders went to Alpaca: every fill, its price and its fees are Alpaca's own");
            assertThat(ws.received).contains("{\"action\":\"subscribe\",\"bars\":[\"AAPL\"]}");
            assertThat(fake.orders.values()).extracting(o -> o.path("client_order_id").asText() + " " + o.path("side").asText() + " " + o.path("qty").asText()
                    + " " + o.path("type").asText() + " " + o.path("status").asText())
                    .containsExactly("ts-acct-1 buy 10 market filled", "ts-acct-2 sell 10 market filled");
            Path account = home.resolve("paper/acct");
            List<String> fills = Files.readAllLines(account.resolve("fills.jsonl"));
            assertThat(fills).extracting(l -> l.replaceAll(".*\"side\":\"(\\w+)\",\"qty\":([0-9.]+),\"price\":([0-9.]+).*", "$1 $2 $3"))
                    .containsExactly("BUY 10.0 104.5", "SELL 10.0 104.5");
            // the buy was decided at the close of the 14:35 bar (SMA(2) 98 over SMA(4) 97.75), the sell at the 14:39 bar's (102 under 102.75)
            assertThat(Files.readAllLines(account.resolve("journal.jsonl"))).filteredOn(l -> l.startsWith("{\"type\":\"OrderSubmitted\""))
                    .extracting(l -> l.replaceAll(".*\"time\":\"([^\"]+)\".*\"side\":\"(\\w+)\".*", "$2 $1"))
                    .containsExactly("BUY 2024-03-04T14:36:00Z", "SELL 2024-03-04T14:40:00Z");
            try (Stream<Path> files = Files.walk(home)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(p)).as(p.toString()).doesNotContain(FakeAlpaca.SECRET).doesNotContain(FakeAlpaca.KEY);
                }
            }
            assertThat(outcome.out() + outcome.err()).doesNotContain(FakeAlpaca.SECRET).doesNotContain(FakeAlpaca.KEY);

            // resumed: the bars the account was fed rebuild it from its journal, then the feed goes on (its bar sent again is dropped)
            CompletableFuture<CliTestSupport.Outcome> resuming = CompletableFuture.supplyAsync(() -> CliTestSupport.run("paper", "resume", "acct",
                    "--home", home.toString(), "--no-charts", "--quiet", "--credentials", keys.toString()));
            var resumed = stopAfter(CLOSES.length, home, "acct", resuming);

            assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
            assertThat(resumed.out()).contains("the prices the account was fed are played again first", "Alpaca agrees with the journal: 0 position(s), 0 open order(s)",
                    "rebuilt the account from ", "live again at feed position " + LIVE);
            // SMA(2) 94 over SMA(4) 93 at the 14:45 bar: the third order, numbered after the first two, each sent once
            assertThat(fake.orders.values()).extracting(o -> o.path("client_order_id").asText() + " " + o.path("side").asText() + " " + o.path("status").asText())
                    .containsExactly("ts-acct-1 buy filled", "ts-acct-2 sell filled", "ts-acct-3 buy filled");
            assertThat(Files.readAllLines(account.resolve("fills.jsonl"))).hasSize(3);
            assertThat(JSON.readTree(account.resolve("status.json").toFile()).path("positions").get(0).path("qty").asDouble()).isEqualTo(10);
        }
    }
}
