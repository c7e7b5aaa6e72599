package io.tradeshell.engine.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertChannelsTest {
    private static final long T = Instant.parse("2013-01-02T14:30:00Z").toEpochMilli();

    @TempDir
    Path dir;

    @Test
    void consolePrintsOneLinePerAlert() {
        StringWriter s = new StringWriter();
        new ConsoleAlerts(new PrintWriter(s)).send(new Alert(T + 250, AlertLevel.CRITICAL, "Trading halted", "drawdown\n12.00%", "paper"));
        assertThat(s.toString()).isEqualTo("ALERT CRITICAL 2013-01-02 14:30:00 [paper] Trading halted: drawdown 12.00%" + System.lineSeparator());
    }

    @Test
    void logFileAppendsOneJsonLinePerAlertCreatingItsFolder() throws Exception {
        Path file = dir.resolve("runs/r1/alerts.log");
        try (LogFileAlerts log = new LogFileAlerts(file)) {
            log.send(new Alert(T, AlertLevel.WARN, "Order denied: BUY AAPL", "BUY 1 AAPL MARKET: \"stale\" data", "paper"));
            // flushed at once: readable before close
            assertThat(Files.readAllLines(file)).hasSize(1);
            log.send(new Alert(T + 1000, AlertLevel.INFO, "Trading active", "new trading day", "paper"));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.properties()).hasSize(5);
        assertThat(first.get("time").textValue()).isEqualTo("2013-01-02T14:30:00Z");
        assertThat(first.get("level").textValue()).isEqualTo("WARN");
        assertThat(first.get("source").textValue()).isEqualTo("paper");
        assertThat(first.get("title").textValue()).isEqualTo("Order denied: BUY AAPL");
        assertThat(first.get("message").textValue()).isEqualTo("BUY 1 AAPL MARKET: \"stale\" data");
        assertThat(json.readTree(lines.get(1)).get("time").textValue()).isEqualTo("2013-01-02T14:30:01Z");
    }

    @Test
    void logFileKeepsWhatWasThereBefore() throws Exception {
        Path file = dir.resolve("alerts.log");
        Files.writeString(file, "earlier line\n");
        try (LogFileAlerts log = new LogFileAlerts(file)) {
            log.send(new Alert(T, AlertLevel.INFO, "t", "m", "s"));
        }
        assertThat(Files.readAllLines(file)).containsExactly("earlier line",
                "{\"time\":\"2013-01-02T14:30:00Z\",\"level\":\"INFO\",\"source\":\"s\",\"title\":\"t\",\"message\":\"m\"}");
    }

    @Test
    void anUnwritableLogFileFailsTheSendNamingTheFile() {
        try (LogFileAlerts log = new LogFileAlerts(dir)) {   // a folder, not a file
            assertThatThrownBy(() -> log.send(new Alert(T, AlertLevel.INFO, "t", "m", "s")))
                    .isInstanceOf(AlertDeliveryException.class)
                    .hasMessageStartingWith("cannot write alert log " + dir + ": ");
        }
    }
}
