package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.path;
import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tradeshell.shell.app.ExitCode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A webhook that takes 30 s to answer, in a live run and a paper session: every one of the four
 * risk denials still reaches the console and alerts.log, and a mistyped webhook address never
 * shows its token.
 */
class SlowWebhookAlertsTest {
    private static final String SCRIPT = path("strategies/sma_crossover.groovy");
    private static final String DATA = path("data/aapl_daily_2013.csv");
    // the crossover buys 10 AAPL four times in 2013; each costs over 1,000 and is denied
    private static final String[] DENIED = {"--max-order-notional", "1000", "--param", "qty=10", "--no-charts", "--quiet"};

    @TempDir
    Path dir;
    private final CountDownLatch answer = new CountDownLatch(1);
    private HttpServer server;
    private Path config;

    @BeforeEach
    void slowWebhook() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            try {
                answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        config = dir.resolve("alerts.json");
        Files.writeString(config, "{\"webhook\": {\"url\": \"http://127.0.0.1:" + server.getAddress().getPort() + "/hook\"}}");
    }

    @AfterEach
    void stop() {
        answer.countDown();
        server.stop(0);
    }

    @Test
    void aLiveRunLogsAndPrintsEveryAlertWhileTheWebhookHangs() throws Exception {
        Path out = dir.resolve("live");
        var r = run(concat("run", SCRIPT, "--data", DATA, "--mode", "live", "--speed", "max", "--out", out.toString(),
                "--alerts", config.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertEveryDenial(r.out() + r.err(), out.resolve("alerts.log"));
    }

    @Test
    void aPaperSessionLogsAndPrintsEveryAlertWhileTheWebhookHangs() throws Exception {
        var r = run(concat("paper", "start", "slow", SCRIPT, "--data", DATA, "--speed", "max", "--home", dir.toString(),
                "--alerts", config.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertEveryDenial(r.out() + r.err(), dir.resolve("paper/slow/alerts.log"));
    }

    private static void assertEveryDenial(String printed, Path log) throws Exception {
        assertThat(printed.lines().filter(l -> l.startsWith("ALERT WARN ") && l.contains("Order denied: BUY AAPL"))).as(printed).hasSize(4);
        assertThat(Files.readAllLines(log)).hasSize(4).allSatisfy(l -> assertThat(l).contains("order notional"));
    }

    @Test
    void aMistypedWebhookAddressIsNeverPrintedWithItsSecrets() throws Exception {
        Files.writeString(config, "{\"webhook\": {\"url\": \"htps://bot:PASSWORD1@hooks.example.com/services/T0/B0/TOKEN1?key=QUERY1\"}}");
        var r = run(concat("run", SCRIPT, "--data", DATA, "--mode", "live", "--speed", "max", "--out", dir.resolve("typo").toString(),
                "--alerts", config.toString()));
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("webhook.url must be an http or https address, was \"htps://hooks.example.com/...\"");
        assertThat(r.out() + r.err()).doesNotContain("PASSWORD1", "TOKEN1", "QUERY1");
    }

    private static String[] concat(String... head) {
        return java.util.stream.Stream.concat(List.of(head).stream(), List.of(DENIED).stream()).toArray(String[]::new);
    }
}
