package io.tradeshell.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.model.BarSeries;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BundledFilesTest {
    private static final Path AAPL = SampleData.file("aapl_daily_2013.csv");
    private static final Path ETH = SampleData.file("ethusd_5m_2023-03-13.json");
    private static final Path BTC = SampleData.file("btcusd_bitstamp_trades_2013-11-25.csv");

    @Test
    void appleDailyBarsLoadWithTheirValuesPeriodScaleAndSymbol() throws Exception {
        LoadedSeries loaded = MarketData.load(AAPL, LoadOptions.defaults());
        BarSeries s = loaded.series();

        assertThat(loaded.kind()).isEqualTo(LoadedSeries.Kind.BARS);
        assertThat(loaded.skipped()).isEmpty();
        assertThat(loaded.file()).isEqualTo(AAPL);
        assertThat(s.symbol()).isEqualTo("AAPL");
        assertThat(s.size()).isEqualTo(252);
        assertThat(s.period()).isEqualTo(Duration.ofDays(1));
        assertThat(s.priceScale()).isEqualTo(2);
        // first row: 2013-01-02,553.82,555.00,541.63,549.03,20018500
        assertThat(s.openTime(0)).isEqualTo(Instant.parse("2013-01-02T00:00:00Z").toEpochMilli());
        assertThat(new double[] {s.open(0), s.high(0), s.low(0), s.close(0), s.volume(0)})
                .containsExactly(553.82, 555.00, 541.63, 549.03, 20018500);
        // last row: 2013-12-31,554.17,561.28,554.00,561.02,7967300
        int last = s.lastIndex();
        assertThat(s.openTime(last)).isEqualTo(Instant.parse("2013-12-31T00:00:00Z").toEpochMilli());
        assertThat(new double[] {s.open(last), s.high(last), s.low(last), s.close(last), s.volume(last)})
                .containsExactly(554.17, 561.28, 554.00, 561.02, 7967300);
        assertThat(loaded.sha256()).isEqualTo(sha256(AAPL));
    }

    @Test
    void ethereumJsonBarsOpenOnePeriodBeforeTheirEndTime() throws Exception {
        LoadedSeries loaded = MarketData.load(ETH, LoadOptions.defaults());
        BarSeries s = loaded.series();

        assertThat(loaded.kind()).isEqualTo(LoadedSeries.Kind.BARS);
        assertThat(s.symbol()).isEqualTo("ETHUSD");
        assertThat(s.size()).isEqualTo(580);
        assertThat(s.period()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.priceScale()).isEqualTo(2);
        // first bar: endTime 1678730699999, open 1673.58 high 1677.62 low 1672.44 close 1672.99 volume 65.3033
        assertThat(s.openTime(0)).isEqualTo(1678730699999L + 1 - 5 * 60_000);
        assertThat(new double[] {s.open(0), s.high(0), s.low(0), s.close(0), s.volume(0)})
                .containsExactly(1673.58, 1677.62, 1672.44, 1672.99, 65.3033);
        // last bar: endTime 1678904399999
        assertThat(s.closeTime(s.lastIndex())).isEqualTo(1678904399999L + 1);
        assertThat(loaded.sha256()).isEqualTo(sha256(ETH));
    }

    @Test
    void coinbaseFourHourCandlesLoadFromTheirStart() throws Exception {
        Path file = SampleData.file("btcusd_coinbase_4h_2016-2025.json");
        BarSeries s = MarketData.load(file, LoadOptions.defaults()).series();
        assertThat(s.symbol()).isEqualTo("BTCUSD");
        assertThat(s.size()).isEqualTo(20_695);
        assertThat(s.period()).isEqualTo(Duration.ofHours(4));
        // first candle: start 1463544000 (2016-05-18T04:00Z), open 456.16 high 456.81 low 455.3 close 456.02
        assertThat(s.openTime(0)).isEqualTo(1_463_544_000_000L);
        assertThat(new double[] {s.open(0), s.high(0), s.low(0), s.close(0)}).containsExactly(456.16, 456.81, 455.3, 456.02);
        // last candle: start 1761609600, close 113912.05
        assertThat(s.openTime(s.lastIndex())).isEqualTo(1_761_609_600_000L);
        assertThat(s.close(s.lastIndex())).isEqualTo(113912.05);
    }

    @Test
    void sectorFilesShareTheirTradingDays() throws Exception {
        Path xlk = SampleData.file("sectors/xlk_daily_2019-2026.json");
        Path xlre = SampleData.file("sectors/xlre_daily_2019-2026.json");
        BarSeries k = MarketData.load(xlk, LoadOptions.defaults()).series();
        BarSeries re = MarketData.load(xlre, LoadOptions.defaults()).series();
        assertThat(k.symbol()).isEqualTo("XLK");
        assertThat(re.symbol()).isEqualTo("XLRE");
        assertThat(k.size()).isEqualTo(1890);
        assertThat(re.size()).isEqualTo(1890);
        assertThat(k.period()).isEqualTo(Duration.ofDays(1));
        assertThat(k.openTime(0)).isEqualTo(Instant.parse("2019-01-02T14:30:00Z").toEpochMilli());
        assertThat(re.openTime(re.lastIndex())).isEqualTo(k.openTime(k.lastIndex()));
    }

    @Test
    void bitstampTradesAggregateIntoMinuteBarsMatchingAPlainRecount() throws Exception {
        LoadedSeries loaded = MarketData.load(BTC, LoadOptions.defaults());
        BarSeries s = loaded.series();
        List<PlainBar> expected = plainBars(BTC, 60);

        assertThat(loaded.kind()).isEqualTo(LoadedSeries.Kind.TICKS);
        assertThat(s.symbol()).isEqualTo("BTCUSD");
        assertThat(s.period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.priceScale()).isEqualTo(2);
        // the trades end at 16:02:05, inside the minute from 16:02: that bar is left out, the recount keeps it
        assertThat(s.size()).isEqualTo(expected.size() - 1);
        assertThat(loaded.notes()).singleElement().asString().contains("from 2013-12-01T16:02:00Z (1m)");
        assertSameBar(s, 0, expected.get(0));
        assertSameBar(s, s.lastIndex(), expected.get(expected.size() - 2));
        assertSameBar(s, s.size() / 2, expected.get(s.size() / 2));
        assertThat(loaded.sha256()).isEqualTo(sha256(BTC));
    }

    @Test
    void bitstampTradesAggregateIntoFiveMinuteAndHourBars() throws Exception {
        BarSeries fiveMinutes = MarketData.load(BTC, LoadOptions.defaults().withBarPeriod(Duration.ofMinutes(5))).series();
        BarSeries hours = MarketData.load(BTC, LoadOptions.defaults().withBarPeriod(Duration.ofHours(1))).series();
        List<PlainBar> expected5m = plainBars(BTC, 300);
        List<PlainBar> expected1h = plainBars(BTC, 3600);

        // the unfinished last bar (16:00 at 5m and at 1h) is left out
        assertThat(fiveMinutes.size()).isEqualTo(expected5m.size() - 1);
        assertThat(hours.size()).isEqualTo(expected1h.size() - 1);
        assertSameBar(hours, 0, expected1h.get(0));
        assertSameBar(hours, hours.lastIndex(), expected1h.get(expected1h.size() - 2));
    }

    @Test
    void bitstampTradesLoadAsTicksWithEveryRow() {
        LoadedTicks loaded = MarketData.loadTicks(BTC, LoadOptions.defaults());
        TickSeries t = loaded.ticks();

        assertThat(t.size()).isEqualTo(100_000);
        assertThat(t.symbol()).isEqualTo("BTCUSD");
        assertThat(t.priceScale()).isEqualTo(2);
        // first row: 1385337600,800.010000000000,0.100000000000
        assertThat(t.time(0)).isEqualTo(1385337600_000L);
        assertThat(t.price(0)).isEqualTo(800.01);
        assertThat(t.amount(0)).isEqualTo(0.1);
        // last row: 1385913725,999.000000000000,1.292633100000
        assertThat(t.time(t.size() - 1)).isEqualTo(1385913725_000L);
        assertThat(t.price(t.size() - 1)).isEqualTo(999.0);
        assertThat(t.amount(t.size() - 1)).isEqualTo(1.2926331);
    }

    private static void assertSameBar(BarSeries s, int i, PlainBar e) {
        assertThat(s.openTime(i)).as("open time of bar %d", i).isEqualTo(e.openSeconds * 1000);
        assertThat(s.open(i)).isEqualTo(e.open.doubleValue());
        assertThat(s.high(i)).isEqualTo(e.high.doubleValue());
        assertThat(s.low(i)).isEqualTo(e.low.doubleValue());
        assertThat(s.close(i)).isEqualTo(e.close.doubleValue());
        // the loader sums doubles; the recount sums exact decimals
        assertThat(s.volume(i)).isCloseTo(e.volume.doubleValue(), within(1e-9));
    }

    /** A second, simple aggregation: split lines, exact decimals, bars keyed by period start. */
    private static List<PlainBar> plainBars(Path file, long periodSeconds) throws IOException {
        Map<Long, PlainBar> bars = new TreeMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.trim().split(",");
            long seconds = Long.parseLong(f[0]);
            BigDecimal price = new BigDecimal(f[1]);
            BigDecimal amount = new BigDecimal(f[2]);
            long start = seconds / periodSeconds * periodSeconds;
            PlainBar bar = bars.get(start);
            if (bar == null) {
                bars.put(start, new PlainBar(start, price, amount));
            } else {
                bar.add(price, amount);
            }
        }
        return List.copyOf(bars.values());
    }

    private static final class PlainBar {
        final long openSeconds;
        final BigDecimal open;
        BigDecimal high, low, close, volume;

        PlainBar(long openSeconds, BigDecimal price, BigDecimal amount) {
            this.openSeconds = openSeconds;
            open = high = low = close = price;
            volume = amount;
        }

        void add(BigDecimal price, BigDecimal amount) {
            high = high.max(price);
            low = low.min(price);
            close = price;
            volume = volume.add(amount);
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
