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

class TickCsvValidationTest {
    private static final String HEADER = "timestamp,price,amount";

    @TempDir
    Path dir;

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("btc_trades.csv");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private void assertFails(Path file, String expectedMessage) {
        assertThatThrownBy(() -> MarketData.loadTicks(file, LoadOptions.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessage(expectedMessage);
        assertThatThrownBy(() -> MarketData.load(file, LoadOptions.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessage(expectedMessage);
    }

    @Test
    void tradesSharingASecondAreAccepted() throws IOException {
        Path f = write(HEADER, "1700000000,10.5,1", "1700000000,10.75,2", "1700000001,10.25,0");
        TickSeries t = MarketData.loadTicks(f, LoadOptions.defaults()).ticks();
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.symbol()).isEqualTo("BTC");
        assertThat(t.time(1)).isEqualTo(1_700_000_000_000L);
        assertThat(t.price(1)).isEqualTo(10.75);
        assertThat(t.priceScale()).isEqualTo(2);
    }

    @Test
    void tradeGoingBackInTimeIsRejected() throws IOException {
        Path f = write(HEADER, "1700000060,10,1", "1700000000,10,1");
        assertFails(f, f + ":3: timestamp 2023-11-14T22:13:20Z is before 2023-11-14T22:14:20Z on line 2");
    }

    @Test
    void zeroPriceIsRejected() throws IOException {
        Path f = write(HEADER, "1700000000,0,1");
        assertFails(f, f + ":2: price 0.0 is not positive");
    }

    @Test
    void negativeAmountIsRejected() throws IOException {
        Path f = write(HEADER, "1700000000,10,-0.5");
        assertFails(f, f + ":2: amount -0.5 is negative");
    }

    @Test
    void unreadableAmountIsRejected() throws IOException {
        Path f = write(HEADER, "1700000000,10,lots");
        assertFails(f, f + ":2: cannot read amount 'lots' as a number");
    }

    @Test
    void headerWithoutTradesHasNoTrades() throws IOException {
        Path f = write(HEADER);
        assertFails(f, f + ": no trades");
    }

    @Test
    void tradeFileWithoutAmountNamesTheMissingColumn() throws IOException {
        Path f = write("timestamp,price", "1700000000,10");
        assertFails(f, f + ":1: missing column amount");
    }

    @Test
    void barFileIsNotATradeFile() throws IOException {
        Path f = write("date,open,high,low,close,volume", "2024-01-02,10,11,9,10,100");
        assertThatThrownBy(() -> MarketData.loadTicks(f, LoadOptions.defaults()))
                .hasMessage(f + ":1: not a trade file: expected a time column, price and amount, and no open/high/low/close");
    }

    @Test
    void lenientTradeLoadSkipsLateAndBadTrades() throws IOException {
        Path f = write(HEADER, "1700000000,10,1", "1699999999,11,1", "1700000001,-1,1", "1700000002,12,1");
        LoadedTicks loaded = MarketData.loadTicks(f, LoadOptions.defaults().withLenient(true));
        assertThat(loaded.skipped()).containsExactly(
                new SkippedRow(3, "timestamp 2023-11-14T22:13:19Z is before 2023-11-14T22:13:20Z on line 2"),
                new SkippedRow(4, "price -1.0 is not positive"));
        assertThat(loaded.ticks().size()).isEqualTo(2);
        assertThat(loaded.ticks().price(1)).isEqualTo(12.0);
    }

    @Test
    void tradesAggregateIntoBarsOfTheAskedPeriod() throws IOException {
        // 1700000040 = 22:14:00, so minutes start at ...040, ...100, ...160
        Path f = write(HEADER,
                "1700000040,10,1",
                "1700000050,12,2",
                "1700000099,9,0.5",
                "1700000100,11,1",
                "1700000230,13,4");

        LoadedSeries loaded = MarketData.load(f, LoadOptions.defaults().withBarPeriod(Duration.ofMinutes(1)));
        BarSeries s = loaded.series();

        assertThat(loaded.kind()).isEqualTo(LoadedSeries.Kind.TICKS);
        // the trades end at ...230, inside the minute from ...220: that bar never ended and is left out
        assertThat(s.size()).isEqualTo(2);
        assertThat(loaded.notes()).hasSize(1);
        assertThat(s.openTime(0)).isEqualTo(1_700_000_040_000L);
        assertThat(new double[] {s.open(0), s.high(0), s.low(0), s.close(0), s.volume(0)})
                .containsExactly(10, 12, 9, 9, 3.5);
        assertThat(s.openTime(1)).isEqualTo(1_700_000_100_000L);
        assertThat(new double[] {s.open(1), s.high(1), s.low(1), s.close(1), s.volume(1)})
                .containsExactly(11, 11, 11, 11, 1);
        // 1700000160 has no trades: no bar; 1700000220 holds the last trade, but its minute never ended
        assertThat(s.lastIndex()).isEqualTo(1);
    }
}
