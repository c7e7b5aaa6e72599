package io.tradeshell.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.model.BarSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BarCsvFormatsTest {
    // Tuesday 2 January 2024 to Friday 5 January, then Monday 8 January
    private static final LocalDate[] DAYS = {
        LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4),
        LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 8)};

    @TempDir
    Path dir;
    private int files;

    private Path writeBars(String timeHeader, LongFunction<String> formatDay) throws IOException {
        StringBuilder csv = new StringBuilder(timeHeader + ",open,high,low,close,volume\n");
        for (int i = 0; i < DAYS.length; i++) {
            long epochSecond = DAYS[i].atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            csv.append(formatDay.apply(epochSecond)).append(',')
                    .append(100 + i).append(".5,").append(101 + i).append(",").append(99 + i).append(".25,")
                    .append(100 + i).append(",").append(1000 * (i + 1)).append('\n');
        }
        Path file = dir.resolve("days_" + ++files + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    private static BarSeries load(Path file) {
        return MarketData.load(file, LoadOptions.defaults()).series();
    }

    @Test
    void unixSecondsMillisIsoDatesAndIsoDateTimesGiveTheSameBars() throws IOException {
        BarSeries dates = load(writeBars("date", s -> java.time.LocalDate.ofEpochDay(s / 86_400).toString()));
        BarSeries seconds = load(writeBars("timestamp", s -> Long.toString(s)));
        BarSeries millis = load(writeBars("time", s -> Long.toString(s * 1000)));
        BarSeries isoUtc = load(writeBars("datetime", s -> java.time.Instant.ofEpochSecond(s).toString()));
        BarSeries isoLocal = load(writeBars("Datetime", s ->
                java.time.LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC).toString() + ":00"));
        BarSeries isoOffset = load(writeBars("DATE", s ->
                java.time.Instant.ofEpochSecond(s).atOffset(ZoneOffset.ofHours(2)).toString()));
        BarSeries isoSpace = load(writeBars("Time", s ->
                java.time.Instant.ofEpochSecond(s).toString().replace('T', ' ').replace("Z", "")));
        BarSeries isoFraction = load(writeBars("TimeStamp", s ->
                java.time.Instant.ofEpochSecond(s).toString().replace("Z", ".000Z")));

        for (BarSeries s : new BarSeries[] {dates, seconds, millis, isoUtc, isoLocal, isoOffset, isoSpace, isoFraction}) {
            assertThat(s.size()).isEqualTo(DAYS.length);
            assertThat(s.period()).isEqualTo(Duration.ofDays(1));
            for (int i = 0; i < DAYS.length; i++) {
                assertThat(s.openTime(i)).isEqualTo(DAYS[i].toEpochDay() * 86_400_000L);
                assertThat(s.open(i)).isEqualTo(100 + i + 0.5);
                assertThat(s.low(i)).isEqualTo(99 + i + 0.25);
                assertThat(s.volume(i)).isEqualTo(1000.0 * (i + 1));
            }
        }
    }

    @Test
    void isoDateTimeWithAnOffsetIsConvertedToUtc() throws IOException {
        Path f = dir.resolve("offset.csv");
        Files.writeString(f, "datetime,open,high,low,close,volume\n2024-01-02T09:30:00-05:00,10,11,9,10,1\n");
        assertThat(load(f).openTime(0)).isEqualTo(java.time.Instant.parse("2024-01-02T14:30:00Z").toEpochMilli());
    }

    @Test
    void dailyBarsWithWeekendsHaveAOneDayPeriod() throws IOException {
        assertThat(load(writeBars("date", s -> java.time.LocalDate.ofEpochDay(s / 86_400).toString())).period())
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void periodIsTheMostCommonGapAndTheSmallestOfEquallyCommonOnes() throws IOException {
        Path mostly5 = dir.resolve("mostly5.csv");
        Files.writeString(mostly5, "timestamp,open,high,low,close,volume\n"
                + "1700000000,1,1,1,1,1\n1700000300,1,1,1,1,1\n1700000600,1,1,1,1,1\n"
                + "1700001800,1,1,1,1,1\n1700002100,1,1,1,1,1\n");
        assertThat(load(mostly5).period()).isEqualTo(Duration.ofMinutes(5));

        Path tie = dir.resolve("tie.csv");
        Files.writeString(tie, "timestamp,open,high,low,close,volume\n"
                + "1700000000,1,1,1,1,1\n1700000180,1,1,1,1,1\n1700000360,1,1,1,1,1\n"
                + "1700000480,1,1,1,1,1\n1700000600,1,1,1,1,1\n");
        assertThat(load(tie).period()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void singleBarIsADayForADateAndAMinuteOtherwise() throws IOException {
        Path date = dir.resolve("one_date.csv");
        Files.writeString(date, "date,open,high,low,close,volume\n2024-01-02,10,11,9,10,1\n");
        assertThat(load(date).period()).isEqualTo(Duration.ofDays(1));

        Path time = dir.resolve("one_time.csv");
        Files.writeString(time, "timestamp,open,high,low,close,volume\n1700000000,10,11,9,10,1\n");
        assertThat(load(time).period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(MarketData.load(time, LoadOptions.defaults().withBarPeriod(Duration.ofHours(1))).series().period())
                .isEqualTo(Duration.ofHours(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"800.010000000000:2", "800:0", "800.5:1", "0.12345678:8", "0.123456789:-1", "1.5e-3:4"})
    void priceScaleIsTheMostDecimalsWrittenIgnoringTrailingZeros(String priceAndScale) throws IOException {
        String[] parts = priceAndScale.split(":");
        Path f = dir.resolve("scale.csv");
        Files.writeString(f, "date,open,high,low,close,volume\n2024-01-02,"
                + parts[0] + "," + parts[0] + "," + parts[0] + "," + parts[0] + ",1.123456789123\n");
        BarSeries s = load(f);
        assertThat(s.priceScale()).isEqualTo(Integer.parseInt(parts[1]));
        assertThat(s.close(0)).isEqualTo(Double.parseDouble(parts[0]));
    }

    @Test
    void quotedFieldsCrLfLineEndsAndAByteOrderMarkAreRead() throws IOException {
        Path f = dir.resolve("excel.csv");
        Files.writeString(f, "\uFEFF\"Date\",\"Open\",High,Low,Close,Volume\r\n\"2024-01-02\",\"10.5\",11,9,10,1\r\n");
        BarSeries s = load(f);
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.open(0)).isEqualTo(10.5);
    }

    @Test
    void symbolComesFromTheFileNameUnlessGiven() throws IOException {
        Path f = writeBars("date", s -> java.time.LocalDate.ofEpochDay(s / 86_400).toString());
        assertThat(load(f).symbol()).isEqualTo("DAYS");
        assertThat(MarketData.load(f, LoadOptions.defaults().withSymbol("XYZ")).series().symbol()).isEqualTo("XYZ");
    }
}
