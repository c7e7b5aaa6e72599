package io.tradeshell.engine.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tradeshell.engine.events.TradingEvent.TradingStateChanged;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookAlertsTest {
    private static final String PATH = "/services/T000/B000/secret-token";
    private static final long T = Instant.parse("2013-01-02T14:30:00Z").toEpochMilli();

    private HttpServer server;
    private volatile String method;
    private volatile String contentType;
    private volatile String body;
    private volatile int status = 200;
    private final CountDownLatch hang = new CountDownLatch(1);
    private volatile boolean hangs;

    private URI start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, exchange -> {
            method = exchange.getRequestMethod();
            contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (hangs) {
                try {
                    hang.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = (status == 200 ? "ok" : "boom").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    @AfterEach
    void stop() {
        hang.countDown();
        if (server != null) server.stop(0);
    }

    @Test
    void postsSlackStyleJsonWithTheAlertText() throws Exception {
        URI url = start();
        Alert a = new Alert(T, AlertLevel.CRITICAL, "Trading halted", "drawdown 12.00% exceeds the 10.00% limit", "paper");
        try (WebhookAlerts hook = new WebhookAlerts(new WebhookSettings(url, Duration.ofSeconds(3)))) {
            hook.send(a);
        }
        assertThat(method).isEqualTo("POST");
        assertThat(contentType).isEqualTo("application/json");
        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get("text").textValue())
                .isEqualTo("*CRITICAL* Trading halted [paper]\n2013-01-02T14:30:00Z drawdown 12.00% exceeds the 10.00% limit");
    }

    @Test
    void escapesTheCharactersSlackReserves() throws Exception {
        URI url = start();
        Alert a = new Alert(T, AlertLevel.WARN, "Order denied: BUY <AAPL>", "qty < 0 & price > 1", "R&D");
        try (WebhookAlerts hook = new WebhookAlerts(new WebhookSettings(url, Duration.ofSeconds(3)))) {
            hook.send(a);
        }
        assertThat(new ObjectMapper().readTree(body).get("text").textValue())
                .isEqualTo("*WARN* Order denied: BUY &lt;AAPL&gt; [R&amp;D]\n2013-01-02T14:30:00Z qty &lt; 0 &amp; price &gt; 1");
    }

    @Test
    void aServerErrorFailsTheSendWithoutShowingTheSecretPath() throws Exception {
        URI url = start();
        status = 500;
        String site = "http://127.0.0.1:" + url.getPort();
        try (WebhookAlerts hook = new WebhookAlerts(new WebhookSettings(url, Duration.ofSeconds(3)))) {
            assertThatThrownBy(() -> hook.send(new Alert(T, AlertLevel.INFO, "t", "m", "s")))
                    .isInstanceOf(AlertDeliveryException.class)
                    .hasMessage("webhook " + site + " answered HTTP 500: boom");
        }
    }

    @Test
    void aServerErrorIsReportedAndCountedButNeverThrownIntoTheTradingLoop() throws Exception {
        URI url = start();
        status = 500;
        String site = "http://127.0.0.1:" + url.getPort();
        StringWriter console = new StringWriter();
        RecordingChannel after = new RecordingChannel();
        AlertRouter router = new AlertRouter("paper",
                List.of(new WebhookAlerts(new WebhookSettings(url, Duration.ofSeconds(3))), after), new PrintWriter(console));

        router.on(new TradingStateChanged(T, "HALTED", "drawdown 12.00% exceeds the 10.00% limit"));
        assertThat(router.close(Duration.ofSeconds(5))).isTrue();

        assertThat(body).isNotNull();
        assertThat(after.received).hasSize(1);
        assertThat(console.toString()).isEqualTo("alert channel webhook " + site + " failed: webhook " + site
                + " answered HTTP 500: boom" + System.lineSeparator());
        assertThat(router.stats()).isEqualTo(new AlertRouter.Stats(1, 0, 0, 1));
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() throws Exception {
        URI url = start();
        hangs = true;
        try (WebhookAlerts hook = new WebhookAlerts(new WebhookSettings(url, Duration.ofMillis(300)))) {
            assertThatThrownBy(() -> hook.send(new Alert(T, AlertLevel.INFO, "t", "m", "s")))
                    .isInstanceOf(AlertDeliveryException.class)
                    .hasMessage("webhook http://127.0.0.1:" + url.getPort() + " gave no answer within 300 ms");
            hang.countDown();
        }
    }
}
