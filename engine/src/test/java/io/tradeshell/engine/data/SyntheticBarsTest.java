package io.tradeshell.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.model.BarSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticBarsTest {
    private static final int BARS = 20_000;

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesTheSameSeries() {
        assertSameBars(SyntheticBars.generate(42, BARS), SyntheticBars.generate(42, BARS));
    }

    @Test
    void differentSeedGivesADifferentSeries() {
        BarSeries a = SyntheticBars.generate(42, BARS);
        BarSeries b = SyntheticBars.generate(43, BARS);
        int differentCloses = 0;
        for (int i = 0; i < BARS; i++) if (a.close(i) != b.close(i)) differentCloses++;
        assertThat(differentCloses).isGreaterThan(BARS / 2);
    }

    @Test
    void barsAreWholeCentsOpenAtThePreviousCloseAndHaveSoundHighLowAndVolume() {
        BarSeries s = SyntheticBars.generate(7, BARS);
        assertThat(s.priceScale()).isEqualTo(2);
        assertThat(s.period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.openTime(0)).isEqualTo(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli());
        assertThat(s.openTime(BARS - 1)).isEqualTo(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli() + (BARS - 1) * 60_000L);
        assertThat(s.open(0)).isEqualTo(100.0);
        for (int i = 0; i < BARS; i++) {
            if (i > 0) assertThat(s.open(i)).isEqualTo(s.close(i - 1));
            for (double p : new double[] {s.open(i), s.high(i), s.low(i), s.close(i)}) {
                assertThat(Math.round(p * 100) / 100.0).isEqualTo(p);
                assertThat(p).isPositive();
            }
            assertThat(s.high(i)).isGreaterThanOrEqualTo(Math.max(s.open(i), s.close(i)));
            assertThat(s.low(i)).isLessThanOrEqualTo(Math.min(s.open(i), s.close(i)));
            assertThat(s.volume(i)).isPositive();
        }
    }

    @Test
    void writtenCsvLoadsBackIdentically() throws IOException {
        BarSeries original = SyntheticBars.generate(42, BARS, Duration.ofMinutes(5), Instant.parse("2021-03-04T05:06:07.089Z"),
                50, 0.1, 0.4);
        Path file = dir.resolve("synth.csv");
        SyntheticBars.writeCsv(original, file);

        LoadedSeries loaded = MarketData.load(file, LoadOptions.defaults());

        assertThat(Files.readAllLines(file).subList(0, 2)).containsExactly(
                "timestamp,open,high,low,close,volume",
                "2021-03-04T05:06:07.089Z,50.00," + cents(original.high(0)) + "," + cents(original.low(0)) + ","
                        + cents(original.close(0)) + "," + (long) original.volume(0));
        assertThat(loaded.series().symbol()).isEqualTo("SYNTH");
        assertThat(loaded.series().priceScale()).isEqualTo(2);
        assertThat(loaded.series().period()).isEqualTo(Duration.ofMinutes(5));
        assertSameBars(loaded.series(), original);
    }

    @Test
    void writtenCsvUsesPlainIsoInstants() throws IOException {
        Path file = dir.resolve("plain.csv");
        SyntheticBars.writeCsv(SyntheticBars.generate(1, 3), file);
        assertThat(Files.readAllLines(file).get(3)).startsWith("2020-01-01T00:02:00Z,");
    }

    private static String cents(double price) {
        return new java.math.BigDecimal(Double.toString(price)).setScale(2).toPlainString();
    }

    private static void assertSameBars(BarSeries actual, BarSeries expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.bar(i)).as("bar %d", i).isEqualTo(expected.bar(i));
        }
    }
}
