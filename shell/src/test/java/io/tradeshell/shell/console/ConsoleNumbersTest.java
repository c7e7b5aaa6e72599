package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.shell.console.chart.ReportCharts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers as the console prints them, through a virtual terminal, against the exact values the run's files keep. */
class ConsoleNumbersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path home;
    @TempDir Path runs;
    private ConsoleDriver console;

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
    void aFractionalPositionIsPrintedRoundedWhileSummaryJsonKeepsEveryDigit() throws Exception {
        Path out = runs.resolve("btc");
        String screen = console.type("run rsi_mean_reversion --data BTC=data/btcusd_bitstamp_trades_2013-11-25.csv --bar 15m --lot 0"
                + " --no-charts --out " + out);

        JsonNode open = JSON.readTree(out.resolve("summary.json").toFile()).get("openPositions").get(0);
        BigDecimal qty = open.get("qty").decimalValue();
        assertThat(qty.scale()).as("the file keeps the exact quantity").isGreaterThan(4);
        Matcher line = Pattern.compile("open LONG (\\S+) BTC @ (\\S+), last (\\S+),").matcher(screen);
        assertThat(line.find()).as(screen).isTrue();
        assertThat(line.group(1)).isEqualTo(qty.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString());
        assertThat(line.group(2)).isEqualTo(price(open.get("entryPrice").decimalValue()));
        assertThat(line.group(3)).isEqualTo(price(open.get("lastPrice").decimalValue()));
        assertThat(screen).doesNotContain(open.get("qty").asText());
    }

    /** Four decimals at most, two at least: 999.0092549999999 is 999.0093, 990.12 stays 990.12, 990.1 is 990.10. */
    private static String price(BigDecimal exact) {
        BigDecimal p = exact.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return p.scale() < 2 ? p.setScale(2).toPlainString() : p.toPlainString();
    }

    @Test
    void aRunThatNeverLostShowsAnInfiniteProfitFactorAndOneWithoutTradesShowsNone() throws Exception {
        Path script = runs.resolve("one_winner.groovy");
        // AAPL 2013: about 400 at bar 80 (late April), about 560 at bar 240 (December): one winning trade
        Files.writeString(script, "title 'One winner'\nonBar {\n    if (index == 80) buy(10)\n    if (index == 240) sell(10)\n}\n");
        Path out = runs.resolve("winner");

        String winner = console.type("run " + script + " --no-charts --out " + out);

        assertThat(winner).containsPattern("Trades +1\\n").containsPattern("Profit factor +∞\\n");
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("metrics").get("profitFactor").isNull()).isTrue();
        assertThat(summary.get("profitFactorInfinite").asBoolean()).isTrue();
        assertThat(console.type("metrics 1")).containsPattern("Profit factor +∞");

        Path idle = runs.resolve("idle.groovy");
        Files.writeString(idle, "title 'Idle'\nonBar { }\n");
        String none = console.type("run " + idle + " --no-charts --out " + runs.resolve("idle"));
        assertThat(none).containsPattern("Trades +0\\n").containsPattern("Profit factor +n/a\\n");
        assertThat(JSON.readTree(runs.resolve("idle/summary.json").toFile()).get("profitFactorInfinite").asBoolean()).isFalse();
    }
}
