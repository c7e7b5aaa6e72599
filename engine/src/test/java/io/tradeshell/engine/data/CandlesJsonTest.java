package io.tradeshell.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.model.BarSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandlesJsonTest {
    @TempDir
    Path dir;

    /** One candle per line: the first candle is on line 3. */
    private Path write(String... candles) throws IOException {
        Path file = dir.resolve("xlk_daily_test.json");
        StringBuilder json = new StringBuilder("{\n\"candles\": [\n");
        for (int i = 0; i < candles.length; i++) json.append(candles[i]).append(i < candles.length - 1 ? ",\n" : "\n");
        json.append("]\n}\n");
        Files.writeString(file, json);
        return file;
    }

    private static String candle(String start, String low, String high, String open, String close, String volume) {
        return "{\"start\":\"" + start + "\",\"low\":\"" + low + "\",\"high\":\"" + high + "\",\"open\":\"" + open
                + "\",\"close\":\"" + close + "\",\"volume\":\"" + volume + "\"}";
    }

    private void assertFails(Path file, String expected) {
        assertThatThrownBy(() -> MarketData.load(file, LoadOptions.defaults()))
                .isInstanceOf(DataException.class).hasMessage(expected);
    }

    @Test
    void candlesOpenAtTheirStartInUnixSecondsWithNumbersAsStrings() throws IOException {
        // 2019-01-02T14:30Z and the next day
        Path f = write(candle("1546439400", "21.29", "21.93", "21.41", "21.84", "18192600"),
                candle("1546525800", "21.18", "21.73", "21.73", "21.22", "19668000"));
        BarSeries s = MarketData.load(f, LoadOptions.defaults()).series();
        assertThat(s.symbol()).isEqualTo("XLK");
        assertThat(s.period()).isEqualTo(Duration.ofDays(1));
        assertThat(s.openTime(0)).isEqualTo(Instant.parse("2019-01-02T14:30:00Z").toEpochMilli());
        assertThat(s.closeTime(1)).isEqualTo(Instant.parse("2019-01-04T14:30:00Z").toEpochMilli());
        assertThat(new double[] {s.open(0), s.high(0), s.low(0), s.close(0), s.volume(0)})
                .containsExactly(21.41, 21.93, 21.29, 21.84, 18192600);
        assertThat(s.priceScale()).isEqualTo(2);
    }

    @Test
    void unreadableNumberNamesItsLine() throws IOException {
        Path f = write(candle("1546439400", "21.29", "21.93", "21.41", "21.84", "1"),
                candle("1546525800", "21.18", "abc", "21.73", "21.22", "1"));
        assertFails(f, f + ":4: cannot read high 'abc' as a number");
    }

    @Test
    void unreadableStartNamesItsLine() throws IOException {
        Path f = write(candle("yesterday", "21.29", "21.93", "21.41", "21.84", "1"));
        assertFails(f, f + ":3: cannot read start 'yesterday' as a time");
    }

    @Test
    void highBelowLowUsesTheFilesFieldNames() throws IOException {
        Path f = write(candle("1546439400", "22", "21.93", "21.95", "21.95", "1"));
        assertFails(f, f + ":3: high 21.93 is below low 22.0");
    }

    @Test
    void candleGoingBackInTimeNamesBothLines() throws IOException {
        Path f = write(candle("1546525800", "21.18", "21.73", "21.73", "21.22", "1"),
                candle("1546439400", "21.29", "21.93", "21.41", "21.84", "1"));
        assertFails(f, f + ":4: start 2019-01-02T14:30:00Z is before 2019-01-03T14:30:00Z on line 3");
    }

    @Test
    void missingFieldIsNamed() throws IOException {
        Path f = write("{\"start\":\"1546439400\",\"low\":\"1\",\"high\":\"2\",\"open\":\"1.5\",\"volume\":\"3\"}");
        assertFails(f, f + ":3: bar has no close");
    }

    @Test
    void candlesThatAreNotAnArrayAreRejected() throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\n\"candles\": {}\n}\n");
        assertFails(f, f + ":2: \"candles\" is not an array of bars");
    }

    @Test
    void lenientLoadSkipsBadCandles() throws IOException {
        Path f = write(candle("1546439400", "21.29", "21.93", "21.41", "21.84", "1"),
                candle("1546525800", "21.18", "21.73", "21.73", "-21.22", "1"),
                candle("1546612200", "21.53", "22.14", "21.57", "22.06", "1"));
        LoadedSeries loaded = MarketData.load(f, LoadOptions.defaults().withLenient(true));
        assertThat(loaded.series().size()).isEqualTo(2);
        assertThat(loaded.skipped()).extracting(SkippedRow::line).containsExactly(4L);
    }
}
