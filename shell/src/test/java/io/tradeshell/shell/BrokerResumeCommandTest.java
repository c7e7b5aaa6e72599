package io.tradeshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paper start --broker alpaca} then {@code paper resume} from the command line, against a
 * small Alpaca on 127.0.0.1 that fills market orders at once: the account remembers its
 * broker, the resume replays the journal with nothing sent and no order goes out twice.
 */
class BrokerResumeCommandTest {
    private static final String KEY = "PKRESUMEKEY42", SECRET = "resume-test-secret-5a4b3c2d1e";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, ObjectNode> orders = new ConcurrentHashMap<>();
    private final List<String> posts = new CopyOnWriteArrayList<>();

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath(), query = String.valueOf(x.getRequestURI().getQuery());
        String answer;
        int status = 200;
        if (x.getRequestMethod().equals("POST") && path.equals("/v2/orders")) {
            ObjectNode o = (ObjectNode) JSON.readTree(x.getRequestBody());
            String id = o.path("client_order_id").asText();
            posts.add(id);
            // the market fills a market order at once, in the answer
            o.put("id", "alp-" + id).put("status", "filled").put("filled_qty", o.path("qty").asText()).put("filled_avg_price", "450");
            orders.put(id, o);
            answer = o.toString();
        } else if (path.equals("/v2/orders:by_client_order_id")) {
            ObjectNode o = orders.get(query.substring(query.indexOf('=') + 1));
            status = o == null ? 404 : 200;
            answer = o == null ? "{\"message\":\"order not found\"}" : o.toString();
        } else if (path.equals("/v2/orders")) {
            ArrayNode a = JSON.createArrayNode();
            orders.values().stream().filter(o -> !o.path("status").asText().equals("filled")).forEach(a::add);
            answer = a.toString();
        } else if (path.equals("/v2/positions")) {
            answer = "[]";
        } else {
            status = 404;
            answer = "{\"message\":\"not found\"}";
        }
        byte[] b = answer.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @Test
    void aBrokerAccountIsResumedFromItsJournalWithNoOrderSentTwiceAndNoSecretWritten(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getenv("APCA_API_KEY_ID") == null && System.getenv("APCA_API_BASE_URL") == null);
        HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        fake.createContext("/", this::handle);
        fake.start();
        try {
            String url = "http://127.0.0.1:" + fake.getAddress().getPort();
            Path keys = tmp.resolve("alpaca.env");
            Files.writeString(keys, "APCA_API_KEY_ID=" + KEY + "\nAPCA_API_SECRET_KEY=" + SECRET + "\nAPCA_API_BASE_URL=" + url
                    + "\nAPCA_API_STREAM_URL=ws://127.0.0.1:1/stream\n");
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
            Path home = tmp.resolve("home");
            var started = CliTestSupport.run("paper", "start", "acct", CliTestSupport.path("strategies/sma_crossover.groovy"), "--home", home.toString(),
                    "--data", CliTestSupport.path("data/aapl_daily_2013.csv"), "--speed", "max", "--no-charts", "--quiet",
                    "--param", "fast=3", "--param", "slow=8", "--broker", "alpaca", "--credentials", keys.toString());
            assertThat(started.exitCode()).as(started.err()).isZero();
            assertThat(posts).hasSizeGreaterThan(2);
            Path account = home.resolve("paper/acct");
            assertThat(Files.readString(account.resolve("broker.json"))).isEqualTo("{\"broker\":\"alpaca\",\"live\":false}\n");
            // a crash halfway: the journal up to the third order's submission, and no 'finished'
            List<String> journal = Files.readAllLines(account.resolve("journal.jsonl"));
            int cut = 0;
            for (int k = 0, seen = 0; k < journal.size(); k++) {
                if (journal.get(k).startsWith("{\"type\":\"OrderSubmitted\"") && ++seen == 3) cut = k + 1;
            }
            Files.writeString(account.resolve("journal.jsonl"), String.join("\n", journal.subList(0, cut)) + "\n");
            // the orders the first run sent after the third never were, in a crash there
            orders.keySet().removeIf(id -> Integer.parseInt(id.substring("ts-acct-".length())) > 3);
            posts.removeIf(id -> !orders.containsKey(id));
            int sent = posts.size();

            var resumed = CliTestSupport.run("paper", "resume", "acct", "--home", home.toString(), "--no-charts", "--quiet",
                    "--credentials", keys.toString());

            assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
            assertThat(resumed.out()).contains("the journal is replayed first, with nothing sent");
            assertThat(posts).as("every order went out once").doesNotHaveDuplicates().hasSizeGreaterThan(sent).startsWith("ts-acct-1", "ts-acct-2", "ts-acct-3");
            assertThat(posts.get(sent)).as("the first order after the crash").isEqualTo("ts-acct-4");
            try (Stream<Path> files = Files.walk(home)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(p)).as(p.toString()).doesNotContain(SECRET).doesNotContain(KEY);
                }
            }
            assertThat(started.out() + started.err() + resumed.out() + resumed.err()).doesNotContain(SECRET).doesNotContain(KEY);
        } finally {
            fake.stop(0);
        }
    }
}
