package io.tradeshell.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.model.BarSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarCsvValidationTest {
    private static final String HEADER = "date,open,high,low,close,volume";
    private static final LoadOptions LENIENT = LoadOptions.defaults().withLenient(true);

    @TempDir
    Path dir;

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("x.csv");
        Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
        return file;
    }

    private void assertFails(Path file, String expectedMessage) {
        assertThatThrownBy(() -> MarketData.load(file, LoadOptions.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessage(expectedMessage);
    }

    @Test
    void unreadableNumberIsRejectedWithFileAndLine() throws IOException {
        Path f = write(HEADER, "2024-01-02,10,11,9,10.5,100", "2024-01-03,10,11,9,abc,100");
        assertFails(f, f + ":3: cannot read close 'abc' as a number");
    }

    @Test
    void emptyNumberIsRejected() throws IOException {
        Path f = write(HEADER, "2024-01-02,10,,9,10.5,100");
        assertFails(f, f + ":2: cannot read high '' as a number");
    }

    @Test
    void unreadableTimeIsRejected() throws IOException {
        Path f = write(HEADER, "2024-01-02,10,11,9,10.5,100", "2024-13-03,10,11,9,10.5,100");
        assertFails(f, f + ":3: cannot read date '2024-13-03' as a time");
    }

    @Test
    void missingColumnIsNamedOnTheHeaderLine() throws IOException {
        Path f = write("date,open,high,low,volume", "2024-01-02,10,11,9,100");
        assertFails(f, f + ":1: missing column close");
    }

    @Test
    void missingTimeColumnSaysWhichNamesAreAccepted() throws IOException {
        Path f = write("day,open,high,low,close,volume", "2024-01-02,10,11,9,10,100");
        assertFails(f, f + ":1: missing time column (date, time, timestamp or datetime)");
    }

    @Test
    void headerNamesIgnoreCaseAndBlanksAndMessagesUseThemAsWritten() throws IOException {
        Path f = write(" Date , Open,HIGH ,low,Close,Volume", "2024-01-02,10,11,9,10.5,100", "2024-01-03,10,11,9,x,100");
        assertFails(f, f + ":3: cannot read Close 'x' as a number");
    }

    @Test
    void duplicateTimeIsRejected() throws IOException {
        Path f = write(HEADER, "2024-01-02,10,11,9,10.5,100", "2024-01-02,10,11,9,10.5,100");
        assertFails(f, f + ":3: duplicate date 2024-01-02T00:00:00Z, already on line 2");
    }

    @Test
    void outOfOrderTimeIsRejected() throws IOException {
        Path f = write(HEADER, "2024-01-03,10,11,9,10.5,100", "2024-01-02,10,11,9,10.5,100");
        assertFails(f, f + ":3: date 2024-01-02T00:00:00Z is before 2024-01-03T00:00:00Z on line 2");
    }

    @Test
    void highBelowLowIsRejectedWithFileAndLine() throws IOException {
        Path f = write(HEADER, "2024-01-02,10.5,10.5,11,10.5,100");
        assertFails(f, f + ":2: high 10.5 is below low 11.0");
    }

    @Test
    void openAboveHighIsRejected() throws IOException {
        Path f = write(HEADER, "2024-01-02,12,11,9,10,100");
        assertFails(f, f + ":2: open 12.0 is above high 11.0");
    }

    @Test
    void openBelowLowIsRejected() throws IOException {
        Path f = write(HEADER, "2024-01-02,8.5,11,9,10,100");
        assertFails(f, f + ":2: open 8.5 is below low 9.0");
    }

    @Test
    void closeAboveHighIsRejected() throws IOException {
        Path f = write(HEADER, "2024-01-02,10,11,9,11.25,100");
        assertFails(f, f + ":2: close 11.25 is above high 11.0");
    }

    @Test
    void closeBelowLowIsRejected() throws IOException {
        Path f = write(HEADER, "2024-01-02,10,11,9,8.75,100");
        assertFails(f, f + ":2: close 8.75 is below low 9.0");
    }

    @Test
    void zeroPriceIsRejected() throws IOException {
        Path f = write(HEADER, "2024-01-02,10,11,0,10,100");
        assertFails(f, f + ":2: low 0.0 is not positive");
    }

    @Test
    void negativePriceIsRejected() throws IOException {
        Path f = write(HEADER, "2024-01-02,-10,11,9,10,100");
        assertFails(f, f + ":2: open -10.0 is not positive");
    }

    @Test
    void nonFinitePriceIsRejected() throws IOException {
        Path nan = write(HEADER, "2024-01-02,10,NaN,9,10,100");
        assertFails(nan, nan + ":2: high NaN is not a finite number");
        Path inf = write(HEADER, "2024-01-02,10,Infinity,9,10,100");
        assertFails(inf, inf + ":2: high Infinity is not a finite number");
    }

    @Test
    void negativeVolumeIsRejected() throws IOException {
        Path f = write(HEADER, "2024-01-02,10,11,9,10,-5");
        assertFails(f, f + ":2: volume -5.0 is negative");
    }

    @Test
    void zeroVolumeIsAccepted() throws IOException {
        Path f = write(HEADER, "2024-01-02,10,11,9,10,0");
        assertThat(MarketData.load(f, LoadOptions.defaults()).series().volume(0)).isZero();
    }

    @Test
    void emptyFileIsRejectedWithoutALine() throws IOException {
        Path f = write();
        assertFails(f, f + ": empty file");
    }

    @Test
    void headerWithoutRowsHasNoBars() throws IOException {
        Path f = write(HEADER);
        assertFails(f, f + ": no bars");
    }

    @Test
    void rowWithTooFewFieldsIsRejected() throws IOException {
        Path f = write(HEADER, "2024-01-02,10,11,9,10,100", "2024-01-03,10,11,9,10");
        assertFails(f, f + ":3: expected 6 fields but found 5");
    }

    @Test
    void rowWithTooManyFieldsIsRejected() throws IOException {
        Path f = write(HEADER, "2024-01-02,10,11,9,10,100,7");
        assertFails(f, f + ":2: expected 6 fields but found 7");
    }

    @Test
    void linesCountBlankLinesAndTheHeader() throws IOException {
        Path f = write(HEADER, "2024-01-02,10,11,9,10,100", "", "", "2024-01-03,10,11,9,oops,100");
        assertFails(f, f + ":5: cannot read close 'oops' as a number");
    }

    @Test
    void missingFileIsADataException() {
        Path f = dir.resolve("nowhere.csv");
        assertFails(f, f + ": no such file");
    }

    @Test
    void lenientLoadSkipsBadRowsAndSaysWhich() throws IOException {
        Path f = write(HEADER,
                "2024-01-02,10,11,9,10,100",
                "2024-01-03,10,11,9,abc,100",
                "2024-01-04,10,10,11,10,100",
                "2024-01-04,10,11,9,10",
                "2024-01-05,10,11,9,10.5,200");

        LoadedSeries loaded = MarketData.load(f, LENIENT);

        assertThat(loaded.skipped()).containsExactly(
                new SkippedRow(3, "cannot read close 'abc' as a number"),
                new SkippedRow(4, "high 10.0 is below low 11.0"),
                new SkippedRow(5, "expected 6 fields but found 5"));
        BarSeries s = loaded.series();
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.openTime(0)).isEqualTo(Instant.parse("2024-01-02T00:00:00Z").toEpochMilli());
        assertThat(s.openTime(1)).isEqualTo(Instant.parse("2024-01-05T00:00:00Z").toEpochMilli());
        assertThat(s.close(1)).isEqualTo(10.5);
    }

    @Test
    void lenientLoadKeepsTheEarlierOfDuplicateOrOutOfOrderRows() throws IOException {
        Path f = write(HEADER,
                "2024-01-02,10,11,9,10,100",
                "2024-01-03,10,11,9,10.25,100",
                "2024-01-03,10,11,9,10.75,100",
                "2024-01-01,10,11,9,10,100",
                "2024-01-04,10,11,9,10,100");

        LoadedSeries loaded = MarketData.load(f, LENIENT);

        assertThat(loaded.skipped()).containsExactly(
                new SkippedRow(4, "duplicate date 2024-01-03T00:00:00Z, already on line 3"),
                new SkippedRow(5, "date 2024-01-01T00:00:00Z is before 2024-01-03T00:00:00Z on line 3"));
        assertThat(loaded.series().size()).isEqualTo(3);
        assertThat(loaded.series().close(1)).isEqualTo(10.25);
    }

    @Test
    void lenientLoadStillFailsOnAMissingColumn() throws IOException {
        Path f = write("date,open,high,low,close", "2024-01-02,10,11,9,10");
        assertThatThrownBy(() -> MarketData.load(f, LENIENT)).hasMessage(f + ":1: missing column volume");
    }

    @Test
    void lenientLoadStillFailsOnAnEmptyFile() throws IOException {
        Path f = write();
        assertThatThrownBy(() -> MarketData.load(f, LENIENT)).hasMessage(f + ": empty file");
    }

    @Test
    void lenientLoadWithEveryRowBadHasNoBars() throws IOException {
        Path f = write(HEADER, "2024-01-02,10,11,9,x,100", "2024-01-03,10,11,9,y,100");
        assertThatThrownBy(() -> MarketData.load(f, LENIENT)).hasMessage(f + ": no bars (all 2 rows were skipped)");
    }

    @Test
    void dataExceptionCarriesFileLineAndReason() throws IOException {
        Path f = write(HEADER, "2024-01-02,10,10.5,11,10.5,100");
        DataException e = org.junit.jupiter.api.Assertions.assertThrows(DataException.class,
                () -> MarketData.load(f, LoadOptions.defaults()));
        assertThat(e.file()).isEqualTo(f);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).isEqualTo("high 10.5 is below low 11.0");
        assertThat(e.getMessage()).isEqualTo(f + ":2: high 10.5 is below low 11.0");
    }
}
