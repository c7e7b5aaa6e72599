package io.tradeshell.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.model.BarSeries;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data that cannot be trusted is refused at its line; what loading changes, it says. */
class DataHonestyTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void twoHugeTradesInOneMinuteAreADataErrorNotAnInfiniteVolume() throws IOException {
        Path f = write("btc_trades.csv", "timestamp,price,amount\n1700000000,10,1e308\n1700000010,10,1e308\n1700000070,10,1\n");
        assertThatThrownBy(() -> MarketData.load(f, LoadOptions.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessage(f + ":3: amount 1e308 takes the volume of the bar from 2023-11-14T22:13:00Z beyond the largest number");
        // leniently, the row is skipped and the bar keeps the first trade's volume
        LoadedSeries s = MarketData.load(f, LoadOptions.defaults().withLenient(true));
        assertThat(s.skipped()).hasSize(1);
        assertThat(s.series().volume(0)).isEqualTo(1e308);
    }

    @Test
    void aBarVolumeBeyondAnyNumberIsADataError() throws IOException {
        Path f = write("x.csv", "date,open,high,low,close,volume\n2024-01-01,1,1,1,1,1\n2024-01-02,1,1,1,1,1e309\n");
        assertThatThrownBy(() -> MarketData.load(f, LoadOptions.defaults()))
                .isInstanceOf(DataException.class).hasMessageStartingWith(f + ":3: volume");
    }

    @Test
    void aSecondJsonValueAfterTheBarsIsADataErrorWithItsLine() throws IOException {
        String bars = "{\"ohlc\": [\n{\"endTime\": 1700000299999, \"openPrice\": 1, \"highPrice\": 1, \"lowPrice\": 1, \"closePrice\": 1, \"volume\": 1}\n]}\n";
        Path f = write("eth.json", bars + bars);
        assertThatThrownBy(() -> MarketData.load(f, LoadOptions.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessage(f + ":4: a second JSON value after the bars' object: a file holds one");
    }

    @Test
    void tradeVolumeIsTheExactSumOfTheAmountsRoundedOnce() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder("timestamp,price,amount\n");
        BigDecimal exact = BigDecimal.ZERO;
        double floating = 0;
        for (int i = 0; i < 2000; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong(1, 10_000_000_000L), 8); // up to 100 with 8 decimals
            exact = exact.add(amount);
            floating += amount.doubleValue();
            csv.append(1_700_000_000 + i * 30 / 2000).append(",10,").append(amount.toPlainString()).append('\n');
        }
        csv.append("1700000060,10,1\n"); // a trade of the next minute, so the first bar is complete
        BarSeries bars = MarketData.load(write("btc_trades.csv", csv.toString()), LoadOptions.defaults()).series();
        assertThat(bars.volume(0)).isEqualTo(exact.doubleValue());
        assertThat(floating).as("plain floating-point summing drifts on this data").isNotEqualTo(exact.doubleValue());
    }

    @Test
    void anUnfinishedLastBarOfTradesIsLeftOutAndSaidSo() throws IOException {
        // 15-minute bars; the trades end at 16:02:05, inside the bar from 16:00
        Path f = write("btc_trades.csv", "timestamp,price,amount\n1385913000,10,1\n1385913600,11,1\n1385913725,12,1\n");
        LoadedSeries s = MarketData.load(f, LoadOptions.defaults().withBarPeriod(Duration.ofMinutes(15)));
        assertThat(s.series().size()).isEqualTo(1);
        assertThat(s.notes()).containsExactly("BTC: the last bar, from 2013-12-01T16:00:00Z (15m), was left out: the trades end at "
                + "2013-12-01T16:02:05Z, before its period ended at 2013-12-01T16:15:00Z");
        // a last trade in the last millisecond of its period ends the period: the bar is kept
        Path whole = write("eth_trades.csv", "timestamp,price,amount\n1385913600000,10,1\n1385914499999,11,1\n");
        LoadedSeries kept = MarketData.load(whole, LoadOptions.defaults().withBarPeriod(Duration.ofMinutes(15)));
        assertThat(kept.series().size()).isEqualTo(1);
        assertThat(kept.notes()).isEmpty();
    }

    @Test
    void theBundledBitstampTradesEndAt160205AndTheirLastBarIsLeftOut() {
        LoadedSeries s = MarketData.load(SampleData.file("btcusd_bitstamp_trades_2013-11-25.csv"), LoadOptions.defaults());
        assertThat(s.notes()).singleElement().asString().contains("the trades end at 2013-12-01T16:02:05Z");
        assertThat(s.series().openTime(s.series().lastIndex())).isEqualTo(java.time.Instant.parse("2013-12-01T16:01:00Z").toEpochMilli());
    }
}
