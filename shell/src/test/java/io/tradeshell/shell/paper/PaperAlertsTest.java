package io.tradeshell.shell.paper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tradeshell.shell.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A paper session's risk denials reach the console, the account's alerts.log and a webhook named in --alerts. */
class PaperAlertsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void riskDenialsGoToEveryAlertChannel(@TempDir Path dir) throws Exception {
        List<String> posted = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            Path config = dir.resolve("alerts.json");
            Files.writeString(config, "{\"webhook\": {\"url\": \"http://127.0.0.1:" + server.getAddress().getPort() + "/hook\"}}");
            System.setProperty("tradeshell.home", ROOT.toString());
            StringWriter out = new StringWriter(), err = new StringWriter();
            int code = Main.execute(new String[] {"paper", "start", "alerted", ROOT.resolve("strategies/sma_crossover.groovy").toString(),
                    "--data", ROOT.resolve("data/aapl_daily_2013.csv").toString(), "--speed", "max", "--home", dir.toString(),
                    "--max-order-notional", "1000", "--param", "qty=10", "--alerts", config.toString(), "--no-charts", "--quiet"},
                    new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(code).as(err.toString()).isEqualTo(0);
            // the crossover buys 10 AAPL four times in 2013; each costs over 1,000 and is denied
            assertThat(out.toString()).contains("ALERT WARN 2013-03-26 [paper alerted] Order denied: BUY AAPL");
            List<String> log = Files.readAllLines(dir.resolve("paper/alerted/alerts.log"));
            assertThat(log).hasSize(4);
            assertThat(new ObjectMapper().readTree(log.get(0)).get("message").asText())
                    .isEqualTo("BUY 10 AAPL MARKET (buyWhen): order notional 4635.80 exceeds the limit 1000.00");
            assertThat(posted).hasSize(4);
            assertThat(new ObjectMapper().readTree(posted.get(0)).get("text").asText())
                    .contains("Order denied: BUY AAPL").contains("order notional 4635.80 exceeds the limit 1000.00");
        } finally {
            server.stop(0);
        }
    }
}
