package io.tradeshell.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.model.BarSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonBarValidationTest {
    @TempDir
    Path dir;

    /** One bar per line, so line numbers are easy to state: the first bar is on line 4. */
    private Path write(String... bars) throws IOException {
        Path file = dir.resolve("eth_test.json");
        StringBuilder json = new StringBuilder("{\n  \"name\": \"ETH/USD_PT5M\",\n  \"ohlc\": [\n");
        for (int i = 0; i < bars.length; i++) {
            json.append("    ").append(bars[i]).append(i < bars.length - 1 ? ",\n" : "\n");
        }
        json.append("  ]\n}\n");
        Files.writeString(file, json);
        return file;
    }

    private static String bar(long endTime, String open, String high, String low, String close, String volume) {
        return "{\"endTime\": " + endTime + ", \"openPrice\": " + open + ", \"highPrice\": " + high
                + ", \"lowPrice\": " + low + ", \"closePrice\": " + close + ", \"volume\": " + volume + ", \"amount\": 0.0}";
    }

    private void assertFails(Path file, String expectedMessage) {
        assertThatThrownBy(() -> MarketData.load(file, LoadOptions.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessage(expectedMessage);
    }

    @Test
    void barsOpenOnePeriodBeforeTheirEndTime() throws IOException {
        Path f = write(bar(1_700_000_299_999L, "10", "11", "9", "10.5", "1"),
                bar(1_700_000_599_999L, "10.5", "12", "10", "11", "2"));
        BarSeries s = MarketData.load(f, LoadOptions.defaults()).series();
        assertThat(s.period()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.openTime(0)).isEqualTo(1_700_000_000_000L);
        assertThat(s.openTime(1)).isEqualTo(1_700_000_300_000L);
        assertThat(s.priceScale()).isEqualTo(1);
        assertThat(s.symbol()).isEqualTo("ETH");
    }

    @Test
    void unreadableNumberIsRejectedOnItsLine() throws IOException {
        Path f = write(bar(1_700_000_299_999L, "10", "11", "9", "10.5", "1"),
                bar(1_700_000_599_999L, "10.5", "\"abc\"", "10", "11", "2"));
        assertFails(f, f + ":5: cannot read highPrice 'abc' as a number");
    }

    @Test
    void nullNumberIsRejected() throws IOException {
        Path f = write(bar(1_700_000_299_999L, "10", "11", "9", "null", "1"));
        assertFails(f, f + ":4: cannot read closePrice 'null' as a number");
    }

    @Test
    void highBelowLowIsRejectedOnTheBarsLine() throws IOException {
        Path f = write(bar(1_700_000_299_999L, "10.5", "10.5", "11", "10.5", "1"));
        assertFails(f, f + ":4: highPrice 10.5 is below lowPrice 11.0");
    }

    @Test
    void missingFieldIsRejected() throws IOException {
        Path f = write("{\"endTime\": 1700000299999, \"openPrice\": 10, \"highPrice\": 11, \"lowPrice\": 9, \"volume\": 1}");
        assertFails(f, f + ":4: bar has no closePrice");
    }

    @Test
    void repeatedEndTimeIsRejected() throws IOException {
        Path f = write(bar(1_700_000_299_999L, "10", "11", "9", "10.5", "1"),
                bar(1_700_000_299_999L, "10", "11", "9", "10.5", "1"));
        assertFails(f, f + ":5: duplicate endTime 2023-11-14T22:18:19.999Z, already on line 4");
    }

    @Test
    void negativeVolumeIsRejected() throws IOException {
        Path f = write(bar(1_700_000_299_999L, "10", "11", "9", "10.5", "-1"));
        assertFails(f, f + ":4: volume -1.0 is negative");
    }

    @Test
    void brokenJsonIsRejectedWhereJacksonStopped() throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\n  \"ohlc\": [\n    {\"endTime\": 1700000299999,,}\n  ]\n}\n");
        assertThatThrownBy(() -> MarketData.load(f, LoadOptions.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(f + ":3: invalid JSON: ");
    }

    @Test
    void emptyJsonFileIsRejected() throws IOException {
        Path f = dir.resolve("empty.json");
        Files.writeString(f, "");
        assertFails(f, f + ": empty file");
    }

    @Test
    void documentWithoutBarsIsRejected() throws IOException {
        Path noArray = dir.resolve("no_array.json");
        Files.writeString(noArray, "{\"name\": \"x\"}");
        assertFails(noArray, noArray + ": no \"ohlc\" or \"candles\" array of bars");
        Path f = write();
        assertFails(f, f + ": no bars");
    }

    @Test
    void lenientLoadSkipsBadBarsAndSaysWhich() throws IOException {
        Path f = write(bar(1_700_000_299_999L, "10", "11", "9", "10.5", "1"),
                bar(1_700_000_599_999L, "10", "9", "11", "10.5", "1"),
                bar(1_700_000_899_999L, "10", "11", "9", "\"x\"", "1"),
                bar(1_700_001_199_999L, "10", "11", "9", "10.125", "1"));
        LoadedSeries loaded = MarketData.load(f, LoadOptions.defaults().withLenient(true));
        assertThat(loaded.skipped()).containsExactly(
                new SkippedRow(5, "highPrice 9.0 is below lowPrice 11.0"),
                new SkippedRow(6, "cannot read closePrice 'x' as a number"));
        assertThat(loaded.series().size()).isEqualTo(2);
        assertThat(loaded.series().priceScale()).isEqualTo(3);
        assertThat(loaded.series().period()).isEqualTo(Duration.ofMinutes(15));
    }
}
