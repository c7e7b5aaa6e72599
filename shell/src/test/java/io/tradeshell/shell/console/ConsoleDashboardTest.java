package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.console.chart.ReportCharts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's {@code dashboard}: the same server, from the console's process, until {@code dashboard stop}. */
class ConsoleDashboardTest {
    static final Pattern BANNER = Pattern.compile("dashboard: (http://127\\.0\\.0\\.1:\\d+)/\\?token=([0-9a-f]{48})");
    @TempDir Path home;
    private ConsoleDriver console;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        SampleData.useRepository();
        console = new ConsoleDriver(home, new ReportCharts());
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
    }

    @Test
    void dashboardPrintsItsAddressAndServesUntilStopped() throws Exception {
        String printed = console.type("dashboard").strip();
        Matcher m = BANNER.matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        URI index = URI.create(m.group(1) + "/api/index?token=" + m.group(2));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(index).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("{\"entries\":");

        assertThat(console.type("dashboard stop")).contains("dashboard stopped");
        boolean refused;
        try {
            refused = http.send(HttpRequest.newBuilder(index).build(), HttpResponse.BodyHandlers.ofString()).statusCode() != 200;
        } catch (java.io.IOException closed) {
            refused = true;
        }
        assertThat(refused).as("nothing is served once stopped").isTrue();
    }
}
