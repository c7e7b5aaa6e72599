package io.tradeshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paper start NAME SCRIPT --broker oanda --feed oanda --symbols EUR_USD} from the command
 * line, against a small OANDA practice service on 127.0.0.1: prices from its pricing stream make
 * minute bars, the SMA crossover's orders reach it as v20 orders with units as decimal strings,
 * {@code paper stop} ends the session (a resume is {@link OandaResumeCommandTest}'s), and neither
 * the token nor the account id is printed or written.
 */
class OandaSessionCommandTest {
    private static final String TOKEN = "oanda-cli-token-77e1f0c2d3b4a5968778695a4b3c2d1e", ACCOUNT = "101-001-7654321-009";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T0 = Instant.parse("2024-03-04T14:00:00Z").toEpochMilli();
    private final List<String> posts = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pricesSent = new AtomicBoolean(), closing = new AtomicBoolean();
    private int nextId = 100;

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath(), account = "/v3/accounts/" + ACCOUNT;
        if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
            answer(x, 401, "{\"errorMessage\":\"Insufficient authorization to perform request.\"}");
        } else if (path.equals(account + "/pricing/stream")) {
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                // 40 minutes of a slow wave, a price every 30 s; then heartbeats until the test ends
                for (int k = 0; k <= 80; k++) {
                    double mid = 1.08 + 0.002 * Math.sin(k / 8.0);
                    line(out, "{\"type\":\"PRICE\",\"time\":\"" + Instant.ofEpochMilli(T0 + k * 30_000L) + "\",\"bids\":[{\"price\":\""
                            + String.format(Locale.ROOT, "%.5f", mid - 0.00005) + "\",\"liquidity\":1000000}],\"asks\":[{\"price\":\""
                            + String.format(Locale.ROOT, "%.5f", mid + 0.00005) + "\",\"liquidity\":1000000}],\"tradeable\":true,\"instrument\":\"EUR_USD\"}");
                }
                pricesSent.set(true);
                heartbeats(out);
            } catch (IOException e) {
                // the session went away
            }
        } else if (path.equals(account + "/transactions/stream")) {
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                heartbeats(out);
            } catch (IOException e) {
                // the session went away
            }
        } else if (x.getRequestMethod().equals("POST") && path.equals(account + "/orders")) {
            JsonNode order = JSON.readTree(x.getRequestBody()).path("order");
            posts.add(order.toString());
            String id;
            synchronized (this) {
                id = Integer.toString(nextId);
                nextId += 2;
            }
            String fill = Integer.toString(Integer.parseInt(id) + 1), units = order.path("units").asText();
            answer(x, 201, "{\"orderCreateTransaction\":{\"type\":\"MARKET_ORDER\",\"id\":\"" + id + "\",\"instrument\":\"EUR_USD\",\"units\":\"" + units
                    + "\"},\"orderFillTransaction\":{\"type\":\"ORDER_FILL\",\"id\":\"" + fill + "\",\"orderID\":\"" + id + "\",\"units\":\"" + units
                    + "\",\"price\":\"1.08000\",\"commission\":\"0.0000\"},\"lastTransactionID\":\"" + fill + "\"}");
        } else if (path.equals("/v3/instruments/EUR_USD/candles")) {
            answer(x, 200, "{\"instrument\":\"EUR_USD\",\"granularity\":\"M1\",\"candles\":[]}"); // no history: the warm-up fills from live bars
        } else if (path.equals(account + "/openPositions")) {
            answer(x, 200, "{\"positions\":[],\"lastTransactionID\":\"99\"}");
        } else if (path.equals(account + "/pendingOrders")) {
            answer(x, 200, "{\"orders\":[],\"lastTransactionID\":\"99\"}");
        } else {
            answer(x, 404, "{\"errorMessage\":\"not found\"}");
        }
    }

    private void heartbeats(OutputStream out) throws IOException {
        while (!closing.get()) {
            line(out, "{\"type\":\"HEARTBEAT\",\"time\":\"2024-03-04T14:40:00.000000000Z\",\"lastTransactionID\":\"99\"}");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void line(OutputStream out, String json) throws IOException {
        out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @Test
    void aScriptTradesOnOandaPracticePricesWithItsOrdersAtOandaAndNoCredentialAnywhere(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getenv("OANDA_API_TOKEN") == null && System.getenv("OANDA_API_URL") == null);
        HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        fake.createContext("/", this::handle);
        fake.setExecutor(Executors.newCachedThreadPool());
        fake.start();
        try {
            String url = "http://127.0.0.1:" + fake.getAddress().getPort();
            Path keys = tmp.resolve("oanda.env");
            Files.writeString(keys, "OANDA_API_TOKEN=" + TOKEN + "\nOANDA_ACCOUNT_ID=" + ACCOUNT + "\nOANDA_API_URL=" + url + "\nOANDA_STREAM_URL=" + url + "\n");
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
            Path home = tmp.resolve("home");
            CompletableFuture<CliTestSupport.Outcome> started = CompletableFuture.supplyAsync(() -> CliTestSupport.run("paper", "start", "fx",
                    CliTestSupport.path("strategies/sma_crossover.groovy"), "--home", home.toString(), "--no-charts", "--quiet",
                    "--param", "fast=3", "--param", "slow=8", "--param", "qty=10000", "--broker", "oanda", "--feed", "oanda", "--symbols", "EUR_USD",
                    "--credentials", keys.toString()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(pricesSent.get() && Files.exists(home.resolve("paper/fx/status.json"))) && !started.isDone()) {
                assertThat(System.nanoTime()).as("the prices were sent").isLessThan(deadline);
                Thread.sleep(50);
            }
            Thread.sleep(500); // the last prices reach the loop
            var stop = CliTestSupport.run("paper", "stop", "fx", "--home", home.toString());
            var outcome = started.get(120, TimeUnit.SECONDS);

            assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
            assertThat(stop.exitCode()).as(stop.out() + stop.err()).isZero();
            assertThat(stop.out()).contains("; continue with 'paper resume fx'");
            assertThat(outcome.out()).contains("prices come live from oanda for EUR_USD in bars of 1m", "warm-up: 0 bars of EUR_USD from oanda, before ")
                    .contains("orders go to OANDA practice at " + url);
            assertThat(posts).as("the crossover bought and sold").hasSizeGreaterThanOrEqualTo(2);
            assertThat(posts.getFirst()).startsWith("{\"type\":\"MARKET\",\"instrument\":\"EUR_USD\",\"units\":\"10000\",\"timeInForce\":\"FOK\"")
                    .contains("\"clientExtensions\":{\"id\":\"ts-fx-1\"");
            assertThat(posts.get(1)).contains("\"units\":\"-10000\"");
            Path account = home.resolve("paper/fx");
            assertThat(Files.readString(account.resolve("broker.json"))).isEqualTo("{\"broker\":\"oanda\",\"live\":false}\n");
            assertThat(Files.readAllLines(account.resolve("fills.jsonl"))).hasSizeGreaterThanOrEqualTo(2).allSatisfy(l -> assertThat(l).contains("1.08"));
            try (Stream<Path> files = Files.walk(home)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(p)).as(p.toString()).doesNotContain(TOKEN).doesNotContain(ACCOUNT);
                }
            }
            assertThat(outcome.out() + outcome.err() + stop.out()).doesNotContain(TOKEN).doesNotContain(ACCOUNT);

        } finally {
            closing.set(true);
            fake.stop(0);
        }
    }
}
